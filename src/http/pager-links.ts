/**
 * The previous / next addresses of a list paged by offset (the bureau's lists, the audit log): the
 * list's path with its filter (empty values left out, in the order given) and the offset (left
 * out at 0). Undefined where there is no page on that side.
 * @example <AuditPage {...pagerLinks("/bureau/audit", filter, { offset, limit: 50, hasMore })} />
 */
export function pagerLinks(
  path: string,
  params: Record<string, string | undefined>,
  page: { offset: number; limit: number; hasMore: boolean },
): { previousHref: string | undefined; nextHref: string | undefined } {
  const href = (offset: number) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
    if (offset > 0) query.set("offset", String(offset));
    const qs = query.toString();
    return qs ? `${path}?${qs}` : path;
  };
  return {
    previousHref: page.offset > 0 ? href(Math.max(0, page.offset - page.limit)) : undefined,
    nextHref: page.hasMore ? href(page.offset + page.limit) : undefined,
  };
}
