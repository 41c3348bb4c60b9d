/**
 * The newer / older addresses of a list paged by keyset (the subsidy lines, a batch, a public
 * notice): the list's path with its filter (empty values left out) and `before=<id>` (older
 * than the page's last line) or `after=<id>` (newer than its first). Real links: paging works
 * without JavaScript, and a page deep in the list costs what the first costs.
 * @example <Pager {...cursorLinks("/bureau/subsidies", filter, { firstId, lastId, hasNewer, hasOlder })} />
 */
import { z } from "zod";

/** `before` / `after` of a query: a positive id, or nothing (a bad value is the first page). */
export const CursorQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional().catch(undefined),
  after: z.coerce.number().int().positive().optional().catch(undefined),
});

export function cursorLinks(
  path: string,
  params: Record<string, string | undefined>,
  page: { firstId: number | undefined; lastId: number | undefined; hasNewer: boolean; hasOlder: boolean },
): { previousHref: string | undefined; nextHref: string | undefined } {
  const href = (cursor: Record<string, string>) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
    for (const [k, v] of Object.entries(cursor)) query.set(k, v);
    const qs = query.toString();
    return qs ? `${path}?${qs}` : path;
  };
  return {
    previousHref: page.hasNewer && page.firstId !== undefined ? href({ after: String(page.firstId) }) : undefined,
    nextHref: page.hasOlder && page.lastId !== undefined ? href({ before: String(page.lastId) }) : undefined,
  };
}
