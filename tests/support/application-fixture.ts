/**
 * An application made the way a visitor makes one: read the public job page (which hands out the
 * CSRF token) and post its form. Returns the stored application's id.
 * @example const id = await applyThroughPublicForm(platform, { postingCode: "P00001", name: "王芳", phone: "13912345678" });
 */
import type { Platform } from "../../src/platform.ts";
import { webClient } from "./web-client.ts";

export async function applyThroughPublicForm(
  platform: Pick<Platform, "app" | "db">,
  props: { postingCode: string; name: string; phone: string; village?: string; note?: string },
): Promise<number> {
  const web = webClient(platform.app);
  await web.text(await web.get(`/jobs/${props.postingCode}`));
  const fields: Record<string, string> = { name: props.name, phone: props.phone };
  if (props.village) fields.village = props.village;
  if (props.note) fields.note = props.note;
  const res = await web.post(`/jobs/${props.postingCode}/apply`, fields);
  if (res.status !== 200) throw new Error(`applying to ${props.postingCode} answered ${res.status}`);
  const row = platform.db.$client
    .prepare("SELECT a.id FROM applications a JOIN postings p ON p.id = a.posting_id WHERE p.code = ? AND a.applicant_phone = ?")
    .get(props.postingCode, props.phone) as { id: number } | undefined;
  if (!row) throw new Error(`no application stored for ${props.postingCode}`);
  return row.id;
}
