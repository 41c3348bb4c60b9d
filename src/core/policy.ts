/**
 * Who may do what to which record — the one place the platform's access rules live.
 * Pure: an actor (a signed-in user or another department's API token) and a resource (plain data
 * naming its owning employer, town or user) in, yes or no out. Guards in src/http ask it; handlers
 * never test roles themselves.
 */
import type { ApiTokenRole, ApplicationStatus, UserRole } from "./enums.ts";

/** A signed-in person. `employerId` is set for managers, `townId` for town cadres (乡镇干部). */
export interface UserActor {
  kind: "user";
  role: UserRole;
  userId: number;
  employerId?: number | null;
  townId?: number | null;
}

/** Another department's program, calling the JSON API with a token. */
export interface TokenActor {
  kind: "token";
  role: ApiTokenRole;
  tokenId: number;
  townId?: number | null;
}

export type Actor = UserActor | TokenActor;

export const ACTIONS = ["read", "create", "update", "delete"] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The records the rules speak of, each with what decides ownership. `townId` of a worker,
 * household, placement or alert is the town of the worker's (household's) own village, wherever
 * they work (DOMAIN.md).
 */
export type Resource =
  | { type: "posting"; employerId: number }
  | { type: "application"; employerId: number; applicantUserId?: number | null; workerTownId?: number | null }
  | { type: "placement"; employerId: number | null; townId: number }
  | { type: "worker"; townId: number }
  | { type: "household"; townId: number }
  | { type: "employer"; employerId: number; townId: number }
  | { type: "user"; userId: number }
  | { type: "alert"; townId: number }
  | { type: "audit-log" }
  /** The platform's settings (/bureau/settings): admins change them, county staff read them. */
  | { type: "settings" }
  /** Figures; `townId` null for the whole county; `detail` when rows name households. */
  | { type: "stats"; townId: number | null; detail?: boolean }
  /** A subsidy line (补贴明细), of the town of the worker it names; `payment` for the payment file with full ID numbers. */
  | { type: "subsidy-line"; townId: number; payment?: boolean };

export type ResourceType = Resource["type"];
export const RESOURCE_TYPES = [
  "posting",
  "application",
  "placement",
  "worker",
  "household",
  "employer",
  "user",
  "alert",
  "audit-log",
  "settings",
  "stats",
  "subsidy-line",
] as const satisfies readonly ResourceType[];

const READ_ONLY: readonly Action[] = ["read"];
const WRITE: readonly Action[] = ["read", "create", "update"];
const ALL: readonly Action[] = ACTIONS;

/**
 * May `actor` do `action` to `resource`?
 * @example can({ kind: "user", role: "manager", userId: 7, employerId: 3 }, "update", { type: "posting", employerId: 3 }) // true
 */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  // The audit log is written by use-cases as a side effect, never as an action of anyone.
  if (resource.type === "audit-log") {
    return action === "read" && actor.kind === "user" && (actor.role === "county" || actor.role === "admin");
  }
  if (resource.type === "settings") {
    return actor.kind === "user" && (actor.role === "admin" ? action === "read" || action === "update" : actor.role === "county" && action === "read");
  }
  return actor.kind === "token" ? tokenCan(actor, action, resource) : userCan(actor, action, resource);
}

function userCan(actor: UserActor, action: Action, resource: Exclude<Resource, { type: "audit-log" | "settings" }>): boolean {
  const allowed = (actions: readonly Action[]) => actions.includes(action);
  if (resource.type === "user") {
    if (resource.userId === actor.userId) return action === "read" || action === "update";
    if (actor.role === "admin") return true;
    return actor.role === "county" && action === "read";
  }
  switch (actor.role) {
    case "admin":
      return true;
    case "county":
      // County staff keep the whole registry; deleting an employer is an admin's call.
      return resource.type === "employer" ? allowed(WRITE) : true;
    case "town": {
      const mine = (townId: number | null | undefined) => townId != null && townId === actor.townId;
      switch (resource.type) {
        case "worker":
        case "household":
        case "alert":
        case "placement":
          return mine(resource.townId) && allowed(WRITE);
        case "application":
          // A cadre applies on a worker's behalf and follows their applications.
          return action === "create" || (mine(resource.workerTownId) && allowed(WRITE));
        case "posting":
          return allowed(READ_ONLY);
        case "employer":
          return allowed(READ_ONLY);
        case "stats":
          return mine(resource.townId) && allowed(READ_ONLY);
        case "subsidy-line":
          // A cadre follows their town's subsidies; review, notice and payment are the county's.
          return mine(resource.townId) && !resource.payment && allowed(READ_ONLY);
      }
      return false;
    }
    case "manager": {
      const mine = (employerId: number | null | undefined) => employerId != null && employerId === actor.employerId;
      switch (resource.type) {
        case "posting":
          return action === "read" || mine(resource.employerId);
        case "application":
          // Their applicants: read and move through the pipeline; never delete.
          return mine(resource.employerId) && (action === "read" || action === "update");
        case "placement":
          // The roster: subsidies are paid on it, so rows are corrected, not deleted.
          return mine(resource.employerId) && allowed(WRITE);
        case "employer":
          return mine(resource.employerId) && (action === "read" || action === "update");
        default:
          return false;
      }
    }
    case "seeker":
      switch (resource.type) {
        case "posting":
          return allowed(READ_ONLY);
        case "application":
          if (action === "create") return resource.applicantUserId == null || resource.applicantUserId === actor.userId;
          // Withdrawing is an update of one's own application.
          return resource.applicantUserId === actor.userId && (action === "read" || action === "update");
        default:
          return false;
      }
  }
}

function tokenCan(actor: TokenActor, action: Action, resource: Exclude<Resource, { type: "audit-log" | "settings" }>): boolean {
  // Departments exchange data; they read, they do not edit the bureau's records.
  if (action !== "read") return false;
  switch (resource.type) {
    case "posting":
    case "employer":
      return true;
    case "stats":
      if (actor.role === "county") return true;
      if (actor.role === "town") return resource.townId != null && resource.townId === actor.townId;
      return !resource.detail && resource.townId === null;
    case "worker":
    case "household":
    case "placement":
    case "alert":
      if (actor.role === "county") return true;
      return actor.role === "town" && resource.townId === actor.townId;
    default:
      return false;
  }
}

/**
 * Which rows a list may show: everything, one employer's, one town's, one user's, or nothing.
 * Queries filter with it so that a list and `can` agree.
 */
export type ListScope =
  | { kind: "all" }
  | { kind: "employer"; employerId: number }
  | { kind: "town"; townId: number }
  | { kind: "user"; userId: number }
  | { kind: "none" };

/** The scope of `actor`'s lists of `type` records. */
export function listScope(actor: Actor, type: "posting" | "application" | "placement" | "worker" | "household" | "alert"): ListScope {
  const role = actor.role;
  if (role === "admin" || role === "county") return { kind: "all" };
  if (actor.kind === "user" && role === "manager" && actor.employerId != null) {
    return type === "posting" || type === "application" || type === "placement"
      ? { kind: "employer", employerId: actor.employerId }
      : { kind: "none" };
  }
  if (role === "town" && actor.townId != null) {
    if (type === "posting") return { kind: "all" };
    if (actor.kind === "token" && type === "application") return { kind: "none" };
    return { kind: "town", townId: actor.townId };
  }
  if (actor.kind === "user" && role === "seeker") {
    if (type === "posting") return { kind: "all" };
    return type === "application" ? { kind: "user", userId: actor.userId } : { kind: "none" };
  }
  if (role === "department" && type === "posting") return { kind: "all" };
  return { kind: "none" };
}

/**
 * The town whose figures a statistics reader is held to: a town account's or token's own town
 * (-1, no town, when one is missing), or null for the county's readers.
 */
export function statsTownOf(actor: Actor): number | null {
  return actor.role === "town" ? (actor.townId ?? -1) : null;
}

/** The town a reader of the subsidy ledger is held to: a cadre's own (-1 when missing), or null for county staff. */
export function subsidyTownOf(actor: Actor): number | null {
  return actor.role === "town" ? (actor.townId ?? -1) : null;
}

/**
 * 身份证号 in full: county staff and admins, and the cadres of the worker's own town, who visit
 * the household. Everyone else sees the mask.
 */
export function canSeeFullIdNumber(actor: Actor, worker: { townId: number }): boolean {
  if (actor.role === "county" || actor.role === "admin") return true;
  return actor.role === "town" && actor.townId != null && actor.townId === worker.townId;
}

/**
 * What decides whether a phone is shown in full: a registry worker (the bureau's pages), an
 * application (an applicant as the employer applied to sees them), or a line of an employer's
 * roster (在岗名单, its monthly export). `current` is whether the roster line still runs today;
 * `status` an application's stage.
 */
export type PhoneRecord =
  | { type: "worker"; townId: number }
  | { type: "application"; employerId: number; applicantUserId?: number | null; workerTownId?: number | null; status?: ApplicationStatus }
  | { type: "roster-line"; employerId: number; townId: number | null; current: boolean };

/**
 * A phone in full: whoever must call the person. For a worker, as for the ID number. A manager
 * calls their own people — an applicant to their employer (to call them back; no longer once the
 * applicant has withdrawn) and someone on their roster while the line still runs (shifts, pay,
 * absences) — whether or not the person is in the registry; once a person has left, or for
 * anyone else's people, the phone is masked. The seeker sees their own applications' phone. The
 * one rule for the roster, the applicants pages and the exports (docs/decisions/2026-12-02-phone-masking.md).
 */
export function canSeeFullPhone(actor: Actor, record: PhoneRecord): boolean {
  if (actor.role === "county" || actor.role === "admin") return true;
  if (record.type === "worker") return canSeeFullIdNumber(actor, record);
  const ownTown = (townId: number | null | undefined) => actor.role === "town" && actor.townId != null && actor.townId === townId;
  const ownEmployer = actor.kind === "user" && actor.role === "manager" && actor.employerId != null && actor.employerId === record.employerId;
  if (record.type === "roster-line") return (ownEmployer && record.current) || ownTown(record.townId);
  if (ownEmployer) return record.status !== "已撤回";
  if (actor.kind === "user" && actor.role === "seeker") return record.applicantUserId === actor.userId;
  return ownTown(record.workerTownId);
}

/**
 * The roles of each signed-in area, for the guards that the area's sub-app applies once: the
 * bureau's pages are for its staff (town cadres, county staff, admins), the manager's area for
 * the managers of one employer; some bureau pages are the county's alone.
 */
export const STAFF_ROLES = ["town", "county", "admin"] as const satisfies readonly UserRole[];
export const COUNTY_STAFF_ROLES = ["county", "admin"] as const satisfies readonly UserRole[];
export const MANAGER_ROLES = ["manager"] as const satisfies readonly UserRole[];
export const SEEKER_ROLES = ["seeker"] as const satisfies readonly UserRole[];

/** Is this actor bureau staff (a cadre, county staff or an admin)? */
export function isStaff(actor: Actor): boolean {
  return actor.kind === "user" && (STAFF_ROLES as readonly string[]).includes(actor.role);
}

/** Is this actor county staff or an admin (the county's own pages)? */
export function isCountyStaff(actor: Actor): boolean {
  return actor.kind === "user" && (COUNTY_STAFF_ROLES as readonly string[]).includes(actor.role);
}

/** Who may import and export the registry's spreadsheets (the upload page and its downloads). */
export const REGISTRY_IMPORT_ROLES = COUNTY_STAFF_ROLES;

/** May this actor use the spreadsheet import and export? */
export function canImportRegistry(actor: Actor): boolean {
  return actor.kind === "user" && (REGISTRY_IMPORT_ROLES as readonly string[]).includes(actor.role);
}

/**
 * 代办: applying for a registry worker on their behalf, with their consent — the cadres of the
 * worker's own town (who visit the household) and county staff. Never a manager or a seeker.
 */
export function canApplyOnBehalf(actor: Actor, worker: { townId: number }): boolean {
  if (actor.kind !== "user") return false;
  if (actor.role === "county" || actor.role === "admin") return true;
  return actor.role === "town" && actor.townId != null && actor.townId === worker.townId;
}
