import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPersonalDataProtector } from "./personal-data.ts";

describe("personal data protection", () => {
  const dir = mkdtempSync(join(tmpdir(), "pd-"));
  const protector = loadPersonalDataProtector(dir);

  it("round-trips an ID number and never stores it readable", () => {
    const cipher = protector.encrypt("36073119680305017X");
    expect(cipher).not.toContain("36073119680305017X");
    expect(protector.decrypt(cipher)).toBe("36073119680305017X");
  });

  it("hashes the same ID number the same way, whatever its case", () => {
    expect(protector.hashIdNumber("36073119680305017x")).toBe(protector.hashIdNumber("36073119680305017X"));
  });

  it("keeps the same keys across restarts, in files only the owner can read", () => {
    const again = loadPersonalDataProtector(dir);
    expect(again.hashIdNumber("1")).toBe(protector.hashIdNumber("1"));
    expect(again.decrypt(protector.encrypt("x"))).toBe("x");
    expect(statSync(join(dir, "secrets", "id-hash-key")).mode & 0o777).toBe(0o600);
  });

  it("refuses a tampered value", () => {
    const cipher = protector.encrypt("abc");
    const parts = cipher.split(".");
    parts[3] = Buffer.from("abd").toString("base64url");
    expect(() => protector.decrypt(parts.join("."))).toThrow();
  });
});
