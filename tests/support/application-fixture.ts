/**
 * STAND-IN for the public apply form (POST /jobs/:code/apply), which another engineer is building:
 * inserts an application row exactly as an anonymous application is stored (status 报名, no
 * applicant account, no worker link, created by nobody). The lead replaces its uses with the
 * real form at merge.
 * @example const id = applyAsAnonymous(platform.db, { postingCode: "P00001", name: "王芳", phone: "13912345678" });
 */
import type { Db } from "../../db/client.ts";

export function applyAsAnonymous(db: Db, props: { postingCode: string; name: string; phone: string; village?: string; note?: string }): number {
  const posting = db.$client.prepare("SELECT id FROM postings WHERE code = ?").get(props.postingCode) as { id: number } | undefined;
  if (!posting) throw new Error(`no posting ${props.postingCode}`);
  const result = db.$client
    .prepare("INSERT INTO applications (posting_id, applicant_name, applicant_phone, applicant_village, note, status) VALUES (?, ?, ?, ?, ?, '报名')")
    .run(posting.id, props.name, props.phone, props.village ?? null, props.note ?? null);
  return Number(result.lastInsertRowid);
}
