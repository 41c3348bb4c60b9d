/**
 * The statistics snapshot kept on disk (DATA_DIR/stats-snapshot.bin), so a server that starts
 * answers the statistics at once from the last snapshot while the fresh one loads (3.5–4 s at a
 * million workers), instead of making the first request wait.
 *
 * The file: one line of JSON (the registry version, when the snapshot was taken, the columns'
 * shape, every string column), then the typed arrays' bytes one after the other, each at an
 * offset the header names. The shape is read from an empty set of columns made by the code that
 * reads the file, so a change of StatsColumns makes an older file unreadable rather than wrong:
 * it is then ignored, and the next load writes a new one. Written to a temporary name and
 * renamed, so a crash leaves the old file or the new one, never half of one.
 *
 * The rows' ids and the last change-log row the snapshot includes are kept too (when it has them),
 * so a server that starts patches the kept snapshot with the changes since (src/core/stats/patch.ts)
 * rather than loading the registry whole.
 */
import { closeSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { columnsFromRegistry, type StatsColumns } from "../core/stats/columns.ts";
import type { StatsIds } from "../core/stats/patch.ts";
import type { StatsSnapshot } from "../../db/queries/stats-snapshot.ts";

const MAGIC = "jybf-stats-snapshot";

type TypedArray = Int32Array | Uint8Array | Int8Array;
const ARRAY_TYPES = { Int32Array, Uint8Array, Int8Array } as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;

interface ArrayEntry {
  path: string;
  type: ArrayTypeName;
  offset: number;
  length: number;
}

interface Header {
  magic: typeof MAGIC;
  /** The database the snapshot was taken from (db/queries/meta.ts databaseId). */
  databaseId: string;
  shape: string;
  version: number;
  loadedAt: string;
  /** The snapshot's last change-log row, when it has ids to be patched with. */
  changeId?: number;
  /** Every value that is not a typed array, by path (numbers and string lists). */
  values: Record<string, unknown>;
  arrays: ArrayEntry[];
}

/** Each leaf of the columns (and ids) with its path ("columns.workers.birth"), in key order. */
function leaves(columns: { columns: StatsColumns; ids?: StatsIds }): [string, unknown][] {
  const out: [string, unknown][] = [];
  const walk = (value: unknown, path: string) => {
    if (ArrayBuffer.isView(value) || Array.isArray(value) || typeof value !== "object" || value === null) out.push([path, value]);
    else for (const key of Object.keys(value).sort()) walk((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
  };
  walk(columns, "");
  return out;
}

function kindOf(value: unknown): string {
  return ArrayBuffer.isView(value) ? value.constructor.name : Array.isArray(value) ? "list" : typeof value;
}

/** The shape of StatsColumns as this code builds it: each leaf's path and kind. */
function currentShape(): string {
  const empty = columnsFromRegistry({ households: [], workers: [], employers: [], placements: [], postings: [] });
  const none = new Int32Array(0);
  const ids: StatsIds = { towns: none, villages: none, villageTown: none, households: none, workers: none, employers: none, placements: none };
  return leaves({ columns: empty, ids })
    .map(([path, value]) => `${path}:${kindOf(value)}`)
    .join(",");
}

let shape: string | undefined;
const shapeNow = () => (shape ??= currentShape());
/** The shape of a file with the ids, or of one without (a snapshot that cannot be patched). */
const shapeFor = (withIds: boolean) => (withIds ? shapeNow() : shapeNow().split(",").filter((leaf) => !leaf.startsWith("ids.")).join(","));

/** Writes `snapshot` of database `databaseId` to `file` (through a temporary file renamed into place). */
export function writeStatsSnapshotFile(file: string, databaseId: string, snapshot: StatsSnapshot): void {
  const values: Record<string, unknown> = {};
  const arrays: ArrayEntry[] = [];
  const buffers: TypedArray[] = [];
  let offset = 0;
  const withIds = snapshot.ids !== undefined && snapshot.changeId !== undefined;
  for (const [path, value] of leaves(withIds ? { columns: snapshot.columns, ids: snapshot.ids } : { columns: snapshot.columns })) {
    if (ArrayBuffer.isView(value)) {
      const array = value as TypedArray;
      offset = Math.ceil(offset / 8) * 8;
      arrays.push({ path, type: array.constructor.name as ArrayTypeName, offset, length: array.length });
      buffers.push(array);
      offset += array.byteLength;
    } else values[path] = value;
  }
  const header: Header = { magic: MAGIC, databaseId, shape: shapeFor(withIds), version: snapshot.version, loadedAt: snapshot.loadedAt.toISOString(), values, arrays };
  if (withIds) header.changeId = snapshot.changeId;
  const headerBytes = Buffer.from(`${JSON.stringify(header)}\n`, "utf8");
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w");
  try {
    writeSync(fd, headerBytes);
    let written = 0;
    buffers.forEach((array, i) => {
      const start = arrays[i]!.offset;
      if (start > written) writeSync(fd, Buffer.alloc(start - written));
      writeSync(fd, new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
      written = start + array.byteLength;
    });
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/**
 * The snapshot kept in `file`, or undefined when there is none, it is of another database (one
 * created afresh counts its versions from the start again) or not of this code's shape.
 */
export function readStatsSnapshotFile(file: string, databaseId: string): StatsSnapshot | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    const newline = bytes.indexOf(10);
    if (newline < 0) return undefined;
    const header = JSON.parse(bytes.subarray(0, newline).toString("utf8")) as Header;
    const withIds = header.changeId !== undefined;
    if (header.magic !== MAGIC || header.databaseId !== databaseId || header.shape !== shapeFor(withIds)) return undefined;
    const body = bytes.subarray(newline + 1);
    const columns: Record<string, unknown> = {};
    const put = (path: string, value: unknown) => {
      const keys = path.split(".");
      let at = columns;
      for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
      at[keys.at(-1)!] = value;
    };
    for (const [path, value] of Object.entries(header.values)) put(path, value);
    for (const entry of header.arrays) {
      const Type = ARRAY_TYPES[entry.type];
      const size = entry.length * Type.BYTES_PER_ELEMENT;
      if (!Type || entry.offset + size > body.length) return undefined;
      // A copy, aligned for its type (the file's bytes start after the header line, anywhere).
      const copy = new Uint8Array(size);
      copy.set(body.subarray(entry.offset, entry.offset + size));
      put(entry.path, new Type(copy.buffer));
    }
    const read = columns as unknown as { columns: StatsColumns; ids?: StatsIds };
    const snapshot: StatsSnapshot = { columns: read.columns, version: header.version, loadedAt: new Date(header.loadedAt) };
    if (withIds && read.ids) Object.assign(snapshot, { ids: read.ids, changeId: header.changeId });
    return snapshot;
  } catch {
    return undefined;
  }
}

/** The file's name in DATA_DIR. */
export const STATS_SNAPSHOT_FILE = "stats-snapshot.bin";
