import { describe, expect, it } from "vitest";
import { distanceKm } from "./geo.ts";

describe("distanceKm", () => {
  it("is zero for the same point", () => {
    expect(distanceKm({ lat: 25.95, lng: 115.4 }, { lat: 25.95, lng: 115.4 })).toBe(0);
  });
  it("measures about 111 km for one degree of latitude", () => {
    expect(distanceKm({ lat: 25, lng: 115 }, { lat: 26, lng: 115 })).toBeCloseTo(111.2, 0);
  });
  it("measures about 10 km for 0.1 degree of longitude near 26°N", () => {
    expect(distanceKm({ lat: 26, lng: 115 }, { lat: 26, lng: 115.1 })).toBeCloseTo(10, 0);
  });
});
