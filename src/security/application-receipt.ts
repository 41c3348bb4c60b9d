/**
 * The receipt code's secret side: a new code from the system's random source, and the keyed hash
 * of phone + code that is all the database keeps (applications.receipt_hash, migration 0019). The
 * hash is the installation's HMAC key of personal data (PersonalDataProtector.hashIdNumber) over
 * a value no ID number can be ("receipt", NUL, phone, NUL, code), so a copied database file alone
 * cannot be searched for codes, even with all 10^8 of them tried.
 */
import { randomInt } from "node:crypto";
import { RECEIPT_CODE_SPACE, receiptCodeOf } from "../core/receipt-code.ts";
import type { PersonalDataProtector } from "./personal-data.ts";

/** A fresh receipt code, eight random digits. */
export function newReceiptCode(): string {
  return receiptCodeOf(randomInt(0, RECEIPT_CODE_SPACE));
}

/** What applications.receipt_hash holds for this phone (11 digits) and code (8 digits). */
export function receiptHash(protector: Pick<PersonalDataProtector, "hashIdNumber">, phone: string, code: string): string {
  return protector.hashIdNumber(`receipt\u0000${phone}\u0000${code}`);
}
