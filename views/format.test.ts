import { describe, expect, it } from "vitest";
import { authorText } from "./format.ts";

describe("authorText (who did something, as staff read it)", () => {
  it.each<[string, string]>([
    ["cli:subsidies", "命令行（npm run subsidies）"],
    ["cli:user", "命令行（npm run user）"],
    ["demo", "示范数据"],
    ["system", "系统"],
    // A person's login is shown as it is, even one that looks like a program's name.
    ["zhangsan", "zhangsan"],
    ["toString", "toString"],
  ])("%j → %j", (label, shown) => {
    expect(authorText(label)).toBe(shown);
  });
});
