import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCsv, formatCsvRecord, parseCsv } from "./csv.ts";

const records = (text: string) => [...parseCsv(text)];

describe("parseCsv", () => {
  it.each([
    ["a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]],
    ["a,b\n1,2", [["a", "b"], ["1", "2"]]],
    ['"x, y","say ""hi"""\n', [["x, y", 'say "hi"']]],
    ["a,,c\n", [["a", "", "c"]]],
    ["a,b\n\n\n1,2\n", [["a", "b"], ["1", "2"]]],
    ["\ufeff乡镇,村\n", [["乡镇", "村"]]],
    ["a,\n", [["a", ""]]],
  ])("%j gives %j", (text, expected) => {
    expect(records(text).map((r) => r.fields)).toEqual(expected);
  });

  it("keeps a line break inside quotes and numbers records by the line they start on", () => {
    expect(records('h1,h2\n"two\nlines",x\nlast,y\n')).toEqual([
      { line: 1, fields: ["h1", "h2"] },
      { line: 2, fields: ["two\nlines", "x"] },
      { line: 4, fields: ["last", "y"] },
    ]);
  });
});

describe("decodeCsv", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(decodeCsv(Buffer.from("乡镇,村\n", "utf8"))).toEqual({ text: "乡镇,村\n", encoding: "utf-8" });
    expect(decodeCsv(Buffer.from("\ufeff乡镇,村\n", "utf8")).text).toBe("乡镇,村\n");
  });

  it("reads GB18030 (what Excel on a Chinese Windows saves) when the bytes are not UTF-8", () => {
    const bytes = iconv.encode("乡镇,村,经度\n东山镇,上村,115.4\n", "gb18030");
    expect(decodeCsv(bytes)).toEqual({ text: "乡镇,村,经度\n东山镇,上村,115.4\n", encoding: "gb18030" });
  });
});

describe("formatCsvRecord", () => {
  it("quotes only what needs quoting and ends with CRLF", () => {
    expect(formatCsvRecord(["a", "b,c", 'd"e', null, 12, "x\ny"])).toBe('a,"b,c","d""e",,12,"x\ny"\r\n');
  });

  it("round-trips through the parser", () => {
    const fields = ["缝纫、包装", 'He said "ok"', "1,2", "", "多\r\n行"];
    expect(records(formatCsvRecord(fields))[0]!.fields).toEqual(fields);
  });
});
