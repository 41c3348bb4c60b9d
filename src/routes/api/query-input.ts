/**
 * The query string as the API's schemas read it. The validator hands over each name once as a
 * string, or as an array when the name repeats; the API has always read the first value of a
 * name (`c.req.query()`), and list parameters every value, commas splitting them too.
 * Used as `z.transform(queryInput({…})).pipe(Schema)`, which the document generator sees through.
 */

export interface QueryInputOptions {
  /** Names that take several values (`benefit=包吃&benefit=接送` or `benefit=包吃,接送`). */
  lists?: readonly string[];
  /** Whether `name=` means "not given" (the jobs search) rather than an empty value to check. */
  emptyIsMissing?: boolean;
}

/** @example z.transform(queryInput({ lists: ["benefit"], emptyIsMissing: true })).pipe(JobsQueryFieldsSchema) */
export function queryInput(options: QueryInputOptions = {}): (raw: unknown) => unknown {
  const lists = new Set(options.lists ?? []);
  return function readQuery(raw) {
    if (typeof raw !== "object" || raw === null) return raw;
    const input: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(raw as Record<string, string | string[]>)) {
      const values = Array.isArray(value) ? value : [value];
      if (lists.has(name)) {
        const items = values.flatMap((v) => v.split(",")).filter(Boolean);
        if (items.length > 0) input[name] = items;
        continue;
      }
      const first = values[0];
      if (first === undefined || (options.emptyIsMissing && first === "")) continue;
      input[name] = first;
    }
    return input;
  };
}
