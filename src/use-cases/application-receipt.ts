/**
 * 查询报名: a seeker without an account checks or withdraws an application with the phone they
 * applied with and the receipt code they were shown. Guesses are throttled by the sign-in
 * failure machinery (per phone and per address, src/security/login-throttle.ts); an unknown
 * phone, an unknown code and a wrong pair give one and the same answer, so nothing says whether
 * a phone has applied. The page shows masked data only. A withdrawal re-checks the pair and
 * writes the status and its audit row in one transaction.
 */
import type { Db } from "../../db/client.ts";
import { applicationByReceiptHash, setReceiptApplicationStatus } from "../../db/queries/application-receipts.ts";
import { maskPhone } from "../core/id-number.ts";
import { maskGivenName } from "../core/subsidies/workflow.ts";
import type { LoginThrottle } from "../security/login-throttle.ts";
import { receiptHash } from "../security/application-receipt.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";

/** The throttle key of a phone's receipt guesses: NUL keeps it apart from every login. */
const throttleKey = (phone: string) => `receipt\u0000${phone}`;

export interface ReceiptDeps {
  db: Db;
  protector: Pick<PersonalDataProtector, "hashIdNumber">;
  throttle: LoginThrottle;
}

export interface ReceiptQuery {
  /** 11 digits, already checked. */
  phone: string;
  /** 8 digits, already checked (src/core/receipt-code.ts). */
  code: string;
  /** The client's address, for the per-address limit. */
  address: string;
  now: Date;
}

/** An application as 查询报名 shows it: the applicant masked, the posting and its state. */
export interface ReceiptApplication {
  postingCode: string;
  postingTitle: string;
  employerName: string;
  contactPhone: string | null;
  status: string;
  createdAt: string;
  applicantMasked: string;
  phoneMasked: string;
  /** Whether the applicant may still withdraw it (报名 or 已联系). */
  canWithdraw: boolean;
}

export type ReceiptResult =
  | { outcome: "found"; application: ReceiptApplication }
  | { outcome: "withdrawn"; application: ReceiptApplication }
  | { outcome: "final"; application: ReceiptApplication }
  | { outcome: "not-found" }
  | { outcome: "throttled"; retryAfterMs: number };

const WITHDRAWABLE = new Set(["报名", "已联系"]);

type Row = NonNullable<ReturnType<typeof applicationByReceiptHash>>;

function shown(row: Row, status = row.status): ReceiptApplication {
  return {
    postingCode: row.postingCode,
    postingTitle: row.postingTitle,
    employerName: row.employerName,
    contactPhone: row.contactPhone,
    status,
    createdAt: row.createdAt,
    applicantMasked: maskGivenName(row.applicantName),
    phoneMasked: maskPhone(row.applicantPhone),
    canWithdraw: WITHDRAWABLE.has(status),
  };
}

/** Finds the application (or counts a failed guess); the throttle is asked first. */
function verified(deps: ReceiptDeps, q: ReceiptQuery): { row: Row } | Extract<ReceiptResult, { outcome: "not-found" | "throttled" }> {
  const at = q.now.getTime();
  const wait = deps.throttle.waitMs(throttleKey(q.phone), q.address, at);
  if (wait > 0) return { outcome: "throttled", retryAfterMs: wait };
  const row = applicationByReceiptHash(deps.db, receiptHash(deps.protector, q.phone, q.code));
  if (!row) {
    deps.throttle.recordFailure(throttleKey(q.phone), q.address, at);
    return { outcome: "not-found" };
  }
  return { row };
}

/** @example checkApplicationByReceipt(deps, { phone: "13907970456", code: "48271953", address, now }) */
export function checkApplicationByReceipt(deps: ReceiptDeps, q: ReceiptQuery): ReceiptResult {
  const found = verified(deps, q);
  return "row" in found ? { outcome: "found", application: shown(found.row) } : found;
}

/** The applicant withdraws (报名 or 已联系 only; a decided application stays as it is). */
export function withdrawApplicationByReceipt(deps: ReceiptDeps, q: ReceiptQuery & { by: ChangeAuthor }): ReceiptResult {
  const found = verified(deps, q);
  if (!("row" in found)) return found;
  return deps.db.transaction((tx): ReceiptResult => {
    // Read again inside the transaction: the manager may have decided meanwhile.
    const row = applicationByReceiptHash(tx, receiptHash(deps.protector, q.phone, q.code));
    if (!row) return { outcome: "not-found" };
    if (!WITHDRAWABLE.has(row.status)) return { outcome: "final", application: shown(row) };
    setReceiptApplicationStatus(tx, row.id, "已撤回", q.now);
    // The author is the visitor who showed phone and code (the route passes ANONYMOUS_VISITOR or the seeker).
    recordChange(tx, q.by, {
      action: "update",
      entity: "application",
      entityId: row.id,
      before: { status: row.status },
      after: { status: "已撤回" },
    });
    return { outcome: "withdrawn", application: shown(row, "已撤回") };
  });
}
