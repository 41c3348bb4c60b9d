/**
 * When an applicant (报名的人) is a registry worker: only on a match the bureau would accept — the
 * same phone AND the same name, and exactly one such worker — or a link the bureau confirmed. A
 * phone alone is not an identity: households share phones, people borrow them, digits get
 * mistyped. See docs/decisions/2026-12-01-applicant-linking.md. Pure.
 */

/** A name as compared: Unicode-normalised (full-width letters), without spaces or middle dots. */
export function comparableName(name: string): string {
  return name.normalize("NFKC").replace(/[\s·•．.]/g, "");
}

/**
 * The registry worker an applicant is, among the workers holding the applicant's phone: the one
 * whose name is the applicant's; null when none or more than one is.
 * @example linkedWorkerId("王桂英", [{ id: 7, name: "黄秀梅" }]) // null
 */
export function linkedWorkerId(applicantName: string, withSamePhone: readonly { id: number; name: string }[]): number | null {
  const wanted = comparableName(applicantName);
  if (wanted === "") return null;
  const matches = withSamePhone.filter((w) => comparableName(w.name) === wanted);
  return matches.length === 1 ? matches[0]!.id : null;
}
