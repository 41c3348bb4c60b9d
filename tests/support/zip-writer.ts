/**
 * Writes a zip by hand (deflate, no zip64), so a test can build the hostile workbooks no library
 * would: an entry of 3×10⁸ repeated characters is deflated as a stream, a few hundred KB on disk,
 * and the sizes the zip declares can be made to lie.
 */
import { writeFileSync } from "node:fs";
import { crc32, createDeflateRaw } from "node:zlib";

export interface ZipEntrySource {
  path: string;
  /** The entry's bytes, produced in pieces (never held whole). */
  pieces: Iterable<Buffer>;
  /** A size to declare instead of the real one (a lying zip). */
  declaredSize?: number;
}

async function deflateEntry(pieces: Iterable<Buffer>): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on("data", (d: Buffer) => out.push(d));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    crc = crc32(piece, crc);
    size += piece.length;
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}

/** Writes `entries` as a zip file at `file`. */
export async function writeZip(file: string, entries: ZipEntrySource[]): Promise<void> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc, size } = await deflateEntry(entry.pieces);
    const name = Buffer.from(entry.path, "utf8");
    const declared = entry.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, directory, end]));
}

const text = (s: string) => [Buffer.from(s, "utf8")];

/** `count` copies of `piece`, in pieces of about a megabyte. */
export function* repeated(piece: string, count: number): Generator<Buffer> {
  const perChunk = Math.max(1, Math.floor((1024 * 1024) / Buffer.byteLength(piece)));
  const chunk = Buffer.from(piece.repeat(perChunk), "utf8");
  let left = count;
  while (left >= perChunk) {
    yield chunk;
    left -= perChunk;
  }
  if (left > 0) yield Buffer.from(piece.repeat(left), "utf8");
}

/**
 * A one-sheet workbook whose sheet is a `workers` header and one row, its 村 cell the shared
 * string given in pieces (e.g. `repeated("村", 3e8)`).
 */
export async function writeHostileWorkbook(file: string, villagePieces: Iterable<Buffer>, options: { declaredSize?: number } = {}): Promise<void> {
  const headers = ["户编号", "户类型", "姓名", "身份证号", "乡镇", "村", "劳动能力"];
  const row = ["H1", "脱贫户", "张三", "360731199006010021", "城关镇"];
  const si = (s: string) => `<si><t>${s}</t></si>`;
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${[...headers, ...row, "有劳动能力"].map(si).join("")}<si><t>`;
  const cells = (r: number, indexes: number[]) => indexes.map((s, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="s"><v>${s}</v></c>`).join("");
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells(1, [0, 1, 2, 3, 4, 5, 6])}</row><row r="2">${cells(2, [7, 8, 9, 10, 11, 13, 12])}</row></sheetData></worksheet>`;
  await writeZip(file, [
    { path: "[Content_Types].xml", pieces: text(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`) },
    { path: "xl/workbook.xml", pieces: text(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="劳动力" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { path: "xl/_rels/workbook.xml.rels", pieces: text(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    { path: "xl/worksheets/sheet1.xml", pieces: text(sheet) },
    {
      path: "xl/sharedStrings.xml",
      pieces: (function* () {
        yield Buffer.from(sst, "utf8");
        yield* villagePieces;
        yield Buffer.from("</t></si></sst>", "utf8");
      })(),
      ...(options.declaredSize === undefined ? {} : { declaredSize: options.declaredSize }),
    },
  ]);
}
