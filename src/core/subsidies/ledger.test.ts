import { describe, expect, it } from "vitest";
import { fenOfYuan, yuanText } from "./ledger.ts";

describe("money in fen", () => {
  it.each([
    ["700", 70_000],
    ["2000.5", 200_050],
    ["0.05", 5],
    [" 1500 ", 150_000],
    ["1,500", null],
    ["-3", null],
    ["1.234", null],
    ["", null],
  ])("fenOfYuan(%j) = %j", (text, fen) => {
    expect(fenOfYuan(text)).toBe(fen);
  });

  it.each([
    [70_000, "700"],
    [200_050, "2000.50"],
    [5, "0.05"],
    [-80_000, "-800"],
  ])("yuanText(%j) = %j", (fen, text) => {
    expect(yuanText(fen)).toBe(text);
  });
});
