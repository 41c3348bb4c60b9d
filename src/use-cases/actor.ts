/** Who makes a change, for the audit log: a signed-in user, or a label (`web`, `import`, `demo`, a CLI). */
export interface Actor {
  userId?: number | null;
  label: string;
}

/** A person on the public board who has not signed in. */
export const ANONYMOUS_VISITOR: Actor = { label: "web" };
