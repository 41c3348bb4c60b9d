import { describe, expect, it } from "vitest";
import { parseApplicationForm } from "./apply-form.ts";

describe("the application form", () => {
  it("takes a name and a phone as people type them", () => {
    expect(parseApplicationForm({ name: " 刘秀英 ", phone: "138 0013 8000", village: "", note: "" })).toEqual({
      ok: true,
      data: { name: "刘秀英", phone: "13800138000", village: "", note: "" },
    });
  });

  it("names each problem in Chinese for its own field and keeps what was typed", () => {
    const parsed = parseApplicationForm({ name: "", phone: "1234", village: "村".repeat(31), note: "好" });
    expect(parsed).toEqual({
      ok: false,
      form: {
        values: { name: "", phone: "1234", village: "村".repeat(31), note: "好" },
        errors: { name: "请填写姓名", phone: "手机号要是 11 位数字，以 1 开头", village: "村名最多 30 个字" },
      },
    });
  });

  it("asks for the phone when it is missing, and reads anything but text as empty", () => {
    const parsed = parseApplicationForm({ name: "刘秀英", phone: new Blob(["x"]) });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.form.errors).toEqual({ phone: "请填写手机号" });
  });
});
