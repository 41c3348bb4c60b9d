import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { formatCsvRecord, neutraliseFormulaText, readCsv, restoreFormulaText, scanCsv, type CsvEncoding } from "./csv.ts";

/** The bytes of `text`, fed to the reader `chunk` bytes at a time (1: every byte on its own). */
function chunked(bytes: Uint8Array, chunk: number): AsyncIterable<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  return Readable.from(parts.map((p) => Buffer.from(p)));
}

async function records(text: string, encoding: CsvEncoding = "utf-8", chunk = 1 << 16) {
  const bytes = encoding === "utf-8" ? Buffer.from(text, "utf8") : iconv.encode(text, "gb18030");
  const out = [];
  for await (const r of readCsv(chunked(bytes, chunk), encoding)) out.push(r);
  return out;
}

describe("readCsv", () => {
  it.each([
    ["a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]],
    ["a,b\n1,2", [["a", "b"], ["1", "2"]]],
    ['"x, y","say ""hi"""\n', [["x, y", 'say "hi"']]],
    ["a,,c\n", [["a", "", "c"]]],
    ["a,b\n\n\n1,2\n", [["a", "b"], ["1", "2"]]],
    ["\ufeff乡镇,村\n", [["乡镇", "村"]]],
    ["a,\n", [["a", ""]]],
    ["a,b\r1,2\r", [["a", "b"], ["1", "2"]]],
    ["a,b\n1,2,3\n4\n", [["a", "b"], ["1", "2", "3"], ["4"]]],
  ])("%j gives %j", async (text, expected) => {
    expect((await records(text)).map((r) => r.fields)).toEqual(expected);
  });

  it("keeps a line break inside quotes and numbers records by the line they start on", async () => {
    expect(await records('h1,h2\n"two\nlines",x\nlast,y\n')).toEqual([
      { line: 1, fields: ["h1", "h2"] },
      { line: 2, fields: ["two\nlines", "x"] },
      { line: 4, fields: ["last", "y"] },
    ]);
  });

  it("numbers lines the same with CRLF inside quotes, blank lines between, and bytes arriving one at a time", async () => {
    const text = 'h1,h2\r\n"a\r\nb\r\nc",x\r\n\r\n\r\nlast,"y\nz"\r\nend,1\r\n';
    const expected = [
      { line: 1, fields: ["h1", "h2"] },
      { line: 2, fields: ["a\r\nb\r\nc", "x"] },
      { line: 7, fields: ["last", "y\nz"] },
      { line: 9, fields: ["end", "1"] },
    ];
    expect(await records(text)).toEqual(expected);
    expect(await records(text, "utf-8", 1)).toEqual(expected);
  });

  it("keeps a Chinese character whole when its bytes are split between chunks (GB18030 and UTF-8)", async () => {
    const text = "户编号,姓名,劳动能力\r\n" + Array.from({ length: 200 }, (_, i) => `H${i},欧阳娟${i},弱劳动力或半劳动力\r\n`).join("");
    for (const encoding of ["gb18030", "utf-8"] as const) {
      const rows = await records(text, encoding, 7);
      expect(rows).toHaveLength(201);
      expect(rows[200]).toEqual({ line: 201, fields: ["H199", "欧阳娟199", "弱劳动力或半劳动力"] });
    }
  });

  it("turns a quote that is never closed into one unreadable record from its line, not an exception", async () => {
    expect(await records('a,b\n1,2\n3,"never closed\n4,5\n')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
      { line: 3, fields: [], problem: "unclosed-quote" },
    ]);
  });
});

describe("scanCsv", () => {
  const scan = (bytes: Uint8Array, chunk = 1 << 16) => scanCsv(chunked(bytes, chunk));

  it("reads UTF-8 with and without a BOM as UTF-8", async () => {
    expect(await scan(Buffer.from("乡镇,村\n", "utf8"))).toEqual({ encoding: "utf-8", records: 1 });
    expect(await scan(Buffer.from("\ufeff乡镇,村\n东山镇,上村", "utf8"), 1)).toEqual({ encoding: "utf-8", records: 2 });
  });

  it("reads GB18030 (what Excel on a Chinese Windows saves) when the bytes are not UTF-8", async () => {
    const bytes = iconv.encode("乡镇,村,经度\n东山镇,上村,115.4\n", "gb18030");
    expect(await scan(bytes)).toEqual({ encoding: "gb18030", records: 2 });
  });

  it("takes a file whose only non-UTF-8 bytes come at the very end as GB18030", async () => {
    const bytes = Buffer.concat([Buffer.from("a,b\n".repeat(1000)), iconv.encode("东,村\n", "gb18030")]);
    expect(await scan(bytes, 100)).toEqual({ encoding: "gb18030", records: 1001 });
  });

  it("counts records as the reader does: blank lines out, line breaks inside quotes in", async () => {
    expect(await scan(Buffer.from('h\r\n\r\n"a\r\nb",c\r\n\n\nlast'))).toEqual({ encoding: "utf-8", records: 3 });
  });
});

describe("formatCsvRecord", () => {
  it("quotes only what needs quoting and ends with CRLF", () => {
    expect(formatCsvRecord(["a", "b,c", 'd"e', null, 12, "x\ny"])).toBe('a,"b,c","d""e",,12,"x\ny"\r\n');
  });

  it("round-trips through the reader", async () => {
    const fields = ["缝纫、包装", 'He said "ok"', "1,2", "", "多\r\n行"];
    expect((await records(formatCsvRecord(fields)))[0]!.fields).toEqual(fields);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","点我")', `'=HYPERLINK("http://evil.example","点我")`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["@SUM(1+1)", "'@SUM(1+1)"],
    ["+1+1", "'+1+1"],
    ["-1+1", "'-1+1"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["-12", "-12"],
    ["+3.5", "+3.5"],
    ["缝纫工", "缝纫工"],
    ["a=b", "a=b"],
  ])("neutralises a cell that would run as a formula: %j → %j", (cell, written) => {
    expect(neutraliseFormulaText(cell)).toBe(written);
    expect(restoreFormulaText(written)).toBe(cell);
  });

  it("keeps typed negative numbers, neutralises formulas, and reads them back as they were", async () => {
    const fields = ["=1+1", "@x", "-5", "正常"];
    const line = formatCsvRecord([...fields, -7]);
    expect(line).toBe("'=1+1,'@x,-5,正常,-7\r\n");
    expect((await records(line))[0]!.fields).toEqual([...fields, "-7"]);
  });
});
