/**
 * The data model of the platform, in drizzle's SQLite dialect.
 * Domain words follow ../shared/DOMAIN.md; enumerations are checked by the database itself so
 * that an import or a bug cannot store a value the statistics would not know how to count.
 */
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";
import {
  APPLICATION_STATUSES,
  AVAILABLE_TIMES,
  EMPLOYER_TYPES,
  EMPLOYMENT_FORMS,
  HOUSEHOLD_CATEGORIES,
  LABOUR_ABILITIES,
  PAY_UNITS,
  PHYSICAL_DEMANDS,
  POSTING_STATUSES,
  PREFERRED_AREAS,
  RECOGNITION_STATUSES,
  API_TOKEN_ROLES,
  USER_ROLES,
  WORKING_TIMES,
} from "../src/core/enums.ts";
import { ALERT_KINDS, ALERT_OUTCOMES, ALERT_STATUSES } from "../src/core/alerts.ts";
import { SUBSIDY_KINDS } from "../src/core/subsidies/policy.ts";
import { CONSENT_METHODS } from "../src/core/recommend/on-behalf.ts";
import { SUBSIDY_LINE_STATUSES, SUBSIDY_LIVE_STATUSES } from "../src/core/subsidies/ledger.ts";

/** `column IN ('a','b')` for a check constraint, from one of the enumerations in core/enums. */
function oneOf(column: AnySQLiteColumn, values: readonly string[]) {
  return sql`${column} IN (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`;
}

const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);
const updatedAt = () =>
  text("updated_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/** 乡镇 — a town (township) of the county. Town cadres are scoped to one. */
export const towns = sqliteTable("towns", {
  id: integer("id").primaryKey(),
  name: text("name").notNull().unique(),
});

/** 村 — a village (or resettlement site) with the WGS-84 coordinates of its centre. */
export const villages = sqliteTable(
  "villages",
  {
    id: integer("id").primaryKey(),
    townId: integer("town_id")
      .notNull()
      .references(() => towns.id),
    name: text("name").notNull(),
    lat: real("lat").notNull(),
    lng: real("lng").notNull(),
  },
  (t) => [
    uniqueIndex("villages_town_name_unique").on(t.townId, t.name),
    check("villages_lat_range", sql`${t.lat} BETWEEN -90 AND 90`),
    check("villages_lng_range", sql`${t.lng} BETWEEN -180 AND 180`),
  ],
);

/** 户 — a household of the registry, identified by its household code (户编号). */
export const households = sqliteTable(
  "households",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull().unique(),
    category: text("category", { enum: HOUSEHOLD_CATEGORIES }).notNull(),
    relocated: integer("relocated", { mode: "boolean" }).notNull().default(false),
    size: integer("size"),
    villageId: integer("village_id")
      .notNull()
      .references(() => villages.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("households_village_idx").on(t.villageId),
    index("households_category_idx").on(t.category),
    /** Retention's 帮扶对象 filter reads the category from here (0018_retention). */
    index("households_retention_idx").on(t.id, t.category),
    check("households_category_check", oneOf(t.category, HOUSEHOLD_CATEGORIES)),
    check("households_size_check", sql`${t.size} IS NULL OR ${t.size} >= 1`),
  ],
);

/**
 * 劳动力 — a person of a household. The ID number is personal data: it is stored as a keyed hash
 * (for exact lookup) and an encrypted value (for staff who need to read it), never in clear.
 * Birth date and sex are derived from it at write time because statistics need them per row.
 */
export const workers = sqliteTable(
  "workers",
  {
    id: integer("id").primaryKey(),
    householdId: integer("household_id")
      .notNull()
      .references(() => households.id),
    name: text("name").notNull(),
    idNumberHash: text("id_number_hash").notNull().unique(),
    idNumberCipher: text("id_number_cipher").notNull(),
    idNumberMasked: text("id_number_masked").notNull(),
    birthDate: text("birth_date").notNull(),
    sex: text("sex", { enum: ["男", "女"] }).notNull(),
    phone: text("phone"),
    villageId: integer("village_id")
      .notNull()
      .references(() => villages.id),
    labourAbility: text("labour_ability", { enum: LABOUR_ABILITIES }).notNull(),
    willingToWork: integer("willing_to_work", { mode: "boolean" }).notNull().default(true),
    skills: text("skills", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    preferredArea: text("preferred_area", { enum: PREFERRED_AREAS }),
    availableTime: text("available_time", { enum: AVAILABLE_TIMES }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("workers_household_idx").on(t.householdId),
    index("workers_village_idx").on(t.villageId),
    /** Retention's town and 帮扶对象 breakdowns read a placement's worker from here (0018_retention). */
    index("workers_retention_idx").on(t.id, t.villageId, t.householdId),
    // The matcher's worker-side rules, covering (migration 0020_recspeed).
    index("workers_matching_idx").on(t.villageId, t.willingToWork, t.labourAbility, t.birthDate, t.availableTime, t.preferredArea),
    index("workers_name_idx").on(t.name),
    check("workers_sex_check", oneOf(t.sex, ["男", "女"])),
    check("workers_labour_ability_check", oneOf(t.labourAbility, LABOUR_ABILITIES)),
    check(
      "workers_preferred_area_check",
      sql`${t.preferredArea} IS NULL OR ${oneOf(t.preferredArea, PREFERRED_AREAS)}`,
    ),
    check(
      "workers_available_time_check",
      sql`${t.availableTime} IS NULL OR ${oneOf(t.availableTime, AVAILABLE_TIMES)}`,
    ),
    check("workers_phone_check", sql`${t.phone} IS NULL OR length(${t.phone}) = 11`),
  ],
);

/** 用工主体 — a workshop, satellite factory, public-benefit post provider or other employer. */
export const employers = sqliteTable(
  "employers",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    type: text("type", { enum: EMPLOYER_TYPES }).notNull(),
    /** 核心工厂 — only a 卫星工厂 names one. */
    coreFactoryId: integer("core_factory_id").references((): AnySQLiteColumn => employers.id),
    townId: integer("town_id")
      .notNull()
      .references(() => towns.id),
    villageId: integer("village_id").references(() => villages.id),
    address: text("address"),
    lat: real("lat"),
    lng: real("lng"),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    recognition: text("recognition", { enum: RECOGNITION_STATUSES }).notNull().default("未认定"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("employers_town_idx").on(t.townId),
    index("employers_type_idx").on(t.type),
    check("employers_type_check", oneOf(t.type, EMPLOYER_TYPES)),
    check("employers_recognition_check", oneOf(t.recognition, RECOGNITION_STATUSES)),
    check(
      "employers_core_factory_check",
      sql`${t.coreFactoryId} IS NULL OR ${t.type} = '卫星工厂'`,
    ),
  ],
);

/** 认定 history: every recognition or withdrawal of a workshop, with its date and note. */
export const employerRecognitions = sqliteTable(
  "employer_recognitions",
  {
    id: integer("id").primaryKey(),
    employerId: integer("employer_id")
      .notNull()
      .references(() => employers.id),
    status: text("status", { enum: RECOGNITION_STATUSES }).notNull(),
    effectiveDate: text("effective_date").notNull(),
    note: text("note"),
    byUserId: integer("by_user_id").references((): AnySQLiteColumn => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("employer_recognitions_employer_idx").on(t.employerId),
    check("employer_recognitions_status_check", oneOf(t.status, RECOGNITION_STATUSES)),
  ],
);

/** 岗位 — a job opening of an employer. */
export const postings = sqliteTable(
  "postings",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull().unique(),
    employerId: integer("employer_id")
      .notNull()
      .references(() => employers.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    headcount: integer("headcount").notNull(),
    payMin: integer("pay_min"),
    payMax: integer("pay_max"),
    payUnit: text("pay_unit", { enum: PAY_UNITS }).notNull().default("月"),
    workingTime: text("working_time", { enum: WORKING_TIMES }).notNull().default("全天"),
    ageMin: integer("age_min"),
    ageMax: integer("age_max"),
    physicalDemand: text("physical_demand", { enum: PHYSICAL_DEMANDS }),
    skills: text("skills", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    benefits: text("benefits", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    status: text("status", { enum: POSTING_STATUSES }).notNull().default("招聘中"),
    closingDate: text("closing_date"),
    publishedAt: text("published_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("postings_employer_idx").on(t.employerId),
    index("postings_status_idx").on(t.status, t.publishedAt),
    check("postings_headcount_check", sql`${t.headcount} >= 1`),
    check("postings_pay_unit_check", oneOf(t.payUnit, PAY_UNITS)),
    check("postings_working_time_check", oneOf(t.workingTime, WORKING_TIMES)),
    check("postings_status_check", oneOf(t.status, POSTING_STATUSES)),
    check(
      "postings_physical_demand_check",
      sql`${t.physicalDemand} IS NULL OR ${oneOf(t.physicalDemand, PHYSICAL_DEMANDS)}`,
    ),
    check(
      "postings_pay_range_check",
      sql`${t.payMin} IS NULL OR ${t.payMax} IS NULL OR ${t.payMin} <= ${t.payMax}`,
    ),
    check(
      "postings_age_range_check",
      sql`${t.ageMin} IS NULL OR ${t.ageMax} IS NULL OR ${t.ageMin} <= ${t.ageMax}`,
    ),
  ],
);

/** 报名 — an application to a posting, by the person or a cadre on their behalf. */
export const applications = sqliteTable(
  "applications",
  {
    id: integer("id").primaryKey(),
    postingId: integer("posting_id")
      .notNull()
      .references(() => postings.id),
    /** The registry's worker, when the applicant is known to be one. */
    workerId: integer("worker_id").references(() => workers.id),
    applicantName: text("applicant_name").notNull(),
    applicantPhone: text("applicant_phone").notNull(),
    applicantVillage: text("applicant_village"),
    note: text("note"),
    status: text("status", { enum: APPLICATION_STATUSES }).notNull().default("报名"),
    managerNote: text("manager_note"),
    createdByUserId: integer("created_by_user_id").references((): AnySQLiteColumn => users.id),
    /** The seeker's own account, when a signed-in seeker applied (their "my applications"). */
    applicantUserId: integer("applicant_user_id").references((): AnySQLiteColumn => users.id),
    /** The bureau user who linked the application to its registry worker (null: matched on name and phone). */
    workerLinkedByUserId: integer("worker_linked_by_user_id").references((): AnySQLiteColumn => users.id),
    /** 代办: how the worker agreed to a cadre applying for them (当面 / 电话 / 书面), and when. */
    consentMethod: text("consent_method", { enum: CONSENT_METHODS }),
    consentDate: text("consent_date"),
    /** Keyed hash of phone + receipt code (报名回执号), to check or withdraw without an account (0019). */
    receiptHash: text("receipt_hash"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("applications_applicant_user_idx").on(t.applicantUserId),
    uniqueIndex("applications_receipt_hash_unique").on(t.receiptHash).where(sql`${t.receiptHash} IS NOT NULL`),
    uniqueIndex("applications_posting_phone_unique").on(t.postingId, t.applicantPhone),
    index("applications_posting_idx").on(t.postingId, t.createdAt),
    index("applications_worker_idx").on(t.workerId),
    check("applications_status_check", oneOf(t.status, APPLICATION_STATUSES)),
    check("applications_phone_check", sql`length(${t.applicantPhone}) = 11`),
  ],
);

/**
 * 就业记录 — a worker working for an employer (or outside the registry) from a start date to an
 * end date (null while working). Statistics and subsidies stand on these rows, so a correction
 * writes the previous version to placement_revisions before changing the row.
 */
export const placements = sqliteTable(
  "placements",
  {
    id: integer("id").primaryKey(),
    workerId: integer("worker_id")
      .notNull()
      .references(() => workers.id),
    employerId: integer("employer_id").references(() => employers.id),
    postingId: integer("posting_id").references(() => postings.id),
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
    endReason: text("end_reason"),
    monthlyIncome: integer("monthly_income"),
    workProvince: text("work_province"),
    workCounty: text("work_county"),
    /** 就业形式 — only for work without an employer of the registry. */
    employmentForm: text("employment_form", { enum: EMPLOYMENT_FORMS }),
    /** Set when a manager hired someone the bureau has yet to confirm in the registry. */
    needsConfirmation: integer("needs_confirmation", { mode: "boolean" }).notNull().default(false),
    /** Why it waits for the bureau (CONFIRMATION_REASONS of src/core/hire-rules.ts, comma-separated); kept after confirmation. */
    confirmationReason: text("confirmation_reason"),
    createdByUserId: integer("created_by_user_id").references((): AnySQLiteColumn => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("placements_worker_idx").on(t.workerId, t.startDate),
    index("placements_employer_idx").on(t.employerId, t.startDate),
    index("placements_dates_idx").on(t.startDate, t.endDate),
    /** The openings of a posting count its placements (0025_search_placements_posting). */
    index("placements_posting_idx").on(t.postingId),
    /** Covers the retention counts of a range of start months (0018_retention). */
    index("placements_retention_idx").on(t.startDate, t.needsConfirmation, t.endDate, t.workerId, t.employerId, t.employmentForm),
    uniqueIndex("placements_key_unique").on(t.workerId, t.employerId, t.startDate),
    check(
      "placements_dates_check",
      sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`,
    ),
    check(
      "placements_form_check",
      sql`(${t.employerId} IS NULL AND ${oneOf(t.employmentForm, EMPLOYMENT_FORMS)}) OR (${t.employerId} IS NOT NULL AND ${t.employmentForm} IS NULL)`,
    ),
    check(
      "placements_income_check",
      sql`${t.monthlyIncome} IS NULL OR ${t.monthlyIncome} >= 0`,
    ),
  ],
);

/** Earlier versions of a placement, written whenever one is corrected or ended. */
export const placementRevisions = sqliteTable(
  "placement_revisions",
  {
    id: integer("id").primaryKey(),
    placementId: integer("placement_id")
      .notNull()
      .references(() => placements.id),
    /** The row as it was before the change, as JSON. */
    previous: text("previous", { mode: "json" }).notNull(),
    reason: text("reason"),
    byUserId: integer("by_user_id").references((): AnySQLiteColumn => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("placement_revisions_placement_idx").on(t.placementId)],
);

/**
 * A hire a manager recorded for someone not (yet) found in the registry: no worker row to hang a
 * placement on, so it waits here for the bureau to confirm the person (and then points to the
 * placement made for them). Statistics and subsidies count placements only; the roster and a
 * posting's remaining openings count these too. Corrections write the audit log.
 */
export const pendingHires = sqliteTable(
  "pending_hires",
  {
    id: integer("id").primaryKey(),
    employerId: integer("employer_id")
      .notNull()
      .references(() => employers.id),
    postingId: integer("posting_id").references(() => postings.id),
    applicationId: integer("application_id").references(() => applications.id),
    name: text("name").notNull(),
    phone: text("phone").notNull(),
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
    endReason: text("end_reason"),
    monthlyIncome: integer("monthly_income"),
    /** The placement the bureau made once it confirmed the person in the registry. */
    placementId: integer("placement_id").references(() => placements.id),
    /** Why it waits for the bureau besides the person (e.g. a backdated start), comma-separated. */
    confirmationReason: text("confirmation_reason"),
    createdByUserId: integer("created_by_user_id").references((): AnySQLiteColumn => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Closed without a placement: refused by the bureau, or withdrawn by its manager (0015_staff). */
    closedAs: text("closed_as", { enum: ["rejected", "withdrawn"] }),
    /** Why (shown to the manager for a refusal). */
    closedReason: text("closed_reason"),
    closedAt: text("closed_at"),
    closedByUserId: integer("closed_by_user_id").references((): AnySQLiteColumn => users.id),
  },
  (t) => [
    index("pending_hires_employer_idx").on(t.employerId, t.startDate),
    index("pending_hires_posting_idx").on(t.postingId),
    check("pending_hires_phone_check", sql`length(${t.phone}) = 11`),
    check("pending_hires_dates_check", sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
    check("pending_hires_income_check", sql`${t.monthlyIncome} IS NULL OR ${t.monthlyIncome} >= 0`),
  ],
);

/** An account: seeker, manager (one employer), town cadre (one town), county staff or admin. */
export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey(),
    login: text("login").notNull().unique(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: USER_ROLES }).notNull(),
    employerId: integer("employer_id").references((): AnySQLiteColumn => employers.id),
    townId: integer("town_id").references(() => towns.id),
    displayName: text("display_name"),
    /** Set for a generated one-time password: the account must choose its own at first login. */
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    passwordChangedAt: text("password_changed_at"),
    disabledAt: text("disabled_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("users_role_check", oneOf(t.role, USER_ROLES)),
    check("users_manager_employer_check", sql`${t.role} <> 'manager' OR ${t.employerId} IS NOT NULL`),
    check("users_town_check", sql`${t.role} <> 'town' OR ${t.townId} IS NOT NULL`),
  ],
);

/** A login session; only a hash of the cookie's token is stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** A token for another department's programs; only its hash is stored. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    role: text("role", { enum: API_TOKEN_ROLES }).notNull(),
    townId: integer("town_id").references(() => towns.id),
    name: text("name").notNull(),
    revokedAt: text("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("api_tokens_role_check", oneOf(t.role, API_TOKEN_ROLES)),
    check("api_tokens_town_check", sql`${t.role} <> 'town' OR ${t.townId} IS NOT NULL`),
  ],
);

/**
 * Who changed what, when, with the values before and after. Triggers (migration 0001) make the
 * table append-only: the application can add rows and never edit or delete them.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey(),
    at: createdAt(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    /** Who acted when there is no user: `import`, `demo`, `system`, a CLI name. */
    actorLabel: text("actor_label").notNull(),
    action: text("action", { enum: ["create", "update", "delete"] }).notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorUserId, t.at),
    check("audit_log_action_check", oneOf(t.action, ["create", "update", "delete"])),
  ],
);

/**
 * 防返贫预警 — a risk alert for a household (zero-employment, income below the line), for the
 * town to follow up: assigned to a cadre, noted, closed with an outcome. At most one open alert
 * of a kind per household (partial unique index).
 */
export const alerts = sqliteTable(
  "alerts",
  {
    id: integer("id").primaryKey(),
    householdId: integer("household_id")
      .notNull()
      .references(() => households.id),
    /** The household's town when raised (the alert is the town's to follow up). */
    townId: integer("town_id")
      .notNull()
      .references(() => towns.id),
    kind: text("kind", { enum: ALERT_KINDS }).notNull(),
    /** JSON: the people to find work for, or the income figures (src/core/alerts.ts AlertDetail). */
    detail: text("detail", { mode: "json" }).notNull(),
    status: text("status", { enum: ALERT_STATUSES }).notNull().default("open"),
    assignedUserId: integer("assigned_user_id").references((): AnySQLiteColumn => users.id),
    raisedDate: text("raised_date").notNull(),
    /** The first day someone acted (assigned it, wrote a note); null while nobody has. */
    actedDate: text("acted_date"),
    closedDate: text("closed_date"),
    outcome: text("outcome", { enum: ALERT_OUTCOMES }),
    outcomeNote: text("outcome_note"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("alerts_town_status_idx").on(t.townId, t.status),
    index("alerts_household_idx").on(t.householdId),
    uniqueIndex("alerts_open_unique").on(t.householdId, t.kind).where(sql`${t.status} = 'open'`),
    check("alerts_kind_check", oneOf(t.kind, ALERT_KINDS)),
    check("alerts_status_check", oneOf(t.status, ALERT_STATUSES)),
    check("alerts_outcome_check", sql`${t.outcome} IS NULL OR ${oneOf(t.outcome, ALERT_OUTCOMES)}`),
    check("alerts_closed_check", sql`(${t.status} = 'open' AND ${t.closedDate} IS NULL) OR (${t.status} = 'closed' AND ${t.closedDate} IS NOT NULL AND ${t.outcome} IS NOT NULL)`),
  ],
);

/** Follow-up notes of an alert (visits, calls), with author and date. */
export const alertNotes = sqliteTable(
  "alert_notes",
  {
    id: integer("id").primaryKey(),
    alertId: integer("alert_id")
      .notNull()
      .references(() => alerts.id),
    authorUserId: integer("author_user_id").references((): AnySQLiteColumn => users.id),
    authorLabel: text("author_label").notNull(),
    noteDate: text("note_date").notNull(),
    note: text("note").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("alert_notes_alert_idx").on(t.alertId)],
);

/**
 * What the search index has yet to learn. A use-case writes a row in the same transaction as
 * the change; the outbox worker reads the entity back from the database and sends it.
 */
export const searchOutbox = sqliteTable(
  "search_outbox",
  {
    id: integer("id").primaryKey(),
    entity: text("entity", { enum: ["posting", "employer"] }).notNull(),
    entityId: integer("entity_id").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [
    index("search_outbox_next_idx").on(t.nextAttemptAt),
    check("search_outbox_entity_check", oneOf(t.entity, ["posting", "employer"])),
  ],
);

/** Small facts about this installation, such as when the demo county was loaded. */
export const appMeta = sqliteTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/** What a web import can be doing or have ended in (src/jobs/import-jobs.ts). */
export const IMPORT_JOB_STATUSES = ["running", "done", "failed", "interrupted"] as const;
const IMPORT_JOB_KINDS = ["regions", "employers", "postings", "workers", "placements", "policies"] as const;

/**
 * A spreadsheet upload on the bureau's page and what became of it, kept in the database so a
 * restart mid-import leaves a job that says so ('interrupted'). Only its uploader sees it; it
 * and its rejected rows are deleted when `expiresAt` has passed.
 */
export const importJobs = sqliteTable(
  "import_jobs",
  {
    id: integer("id").primaryKey(),
    /** The random id in the job's URL (not guessable). */
    publicId: text("public_id").notNull().unique(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: IMPORT_JOB_KINDS }).notNull(),
    fileName: text("file_name").notNull(),
    /** The uploaded copy being read; null once the import no longer needs it. */
    uploadPath: text("upload_path"),
    status: text("status", { enum: IMPORT_JOB_STATUSES }).notNull().default("running"),
    rowsDone: integer("rows_done").notNull().default(0),
    rowsTotal: integer("rows_total"),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    /** JSON: the file's headers, for the report's columns. */
    headers: text("headers", { mode: "json" }).$type<string[]>(),
    /** JSON: columns the format does not know (ignored with a warning). */
    unknownColumns: text("unknown_columns", { mode: "json" }).$type<string[]>(),
    /** Why a file could not be imported at all (unreadable, bad header), as shown to the user. */
    message: text("message"),
    startedAt: text("started_at").notNull(),
    finishedAt: text("finished_at"),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [
    index("import_jobs_status_idx").on(t.status),
    index("import_jobs_expires_idx").on(t.expiresAt),
    check("import_jobs_status_check", oneOf(t.status, IMPORT_JOB_STATUSES)),
    check("import_jobs_kind_check", oneOf(t.kind, IMPORT_JOB_KINDS)),
  ],
);

/** The rejected rows of an import job: its report (row, column, reason and the row's own cells). */
export const importJobRejections = sqliteTable(
  "import_job_rejections",
  {
    id: integer("id").primaryKey(),
    jobId: integer("job_id")
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    rowNumber: integer("row_number").notNull(),
    column: text("column").notNull(),
    reason: text("reason").notNull(),
    /** JSON: the row's cells as text, in the file's column order. */
    cells: text("cells", { mode: "json" }).notNull().$type<string[]>(),
  },
  (t) => [index("import_job_rejections_job_idx").on(t.jobId, t.rowNumber)],
);

/**
 * Settings (src/core/settings.ts): the environment's default as the server last started with it,
 * and the admin's override (null: the default applies). Migration 0007.
 */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  defaultValue: text("default_value").notNull(),
  value: text("value"),
  updatedAt: text("updated_at"),
  updatedByUserId: integer("updated_by_user_id").references(() => users.id),
});

/** Failed sign-ins per account or address (hashed keys), for the throttle. Migration 0007. */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey(),
    scope: text("scope", { enum: ["account", "address"] }).notNull(),
    keyHash: text("key_hash").notNull(),
    atMs: integer("at_ms").notNull(),
  },
  (t) => [
    index("login_failures_key_idx").on(t.scope, t.keyHash, t.atMs),
    index("login_failures_at_idx").on(t.atMs),
    check("login_failures_scope_check", oneOf(t.scope, ["account", "address"])),
  ],
);

/**
 * 补贴政策 — a subsidy policy (../shared/DOMAIN.md, Subsidies): code, name and kind; its rule lives
 * in append-only versions, so a line keeps the version it came from. Migration 0009 refuses a
 * change of code or kind and any delete (a policy is retired instead).
 */
export const subsidyPolicies = sqliteTable(
  "subsidy_policies",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind", { enum: SUBSIDY_KINDS }).notNull(),
    retiredAt: text("retired_at"),
    /** Who retired it (migration 0013); the audit log has the row too. */
    retiredByLabel: text("retired_by_label"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check("subsidy_policies_kind_check", oneOf(t.kind, SUBSIDY_KINDS))],
);

/** A version of a policy's rule, amounts in fen. Never updated or deleted (migration 0009). */
export const subsidyPolicyVersions = sqliteTable(
  "subsidy_policy_versions",
  {
    id: integer("id").primaryKey(),
    policyId: integer("policy_id")
      .notNull()
      .references(() => subsidyPolicies.id),
    version: integer("version").notNull(),
    amountFen: integer("amount_fen").notNull(),
    minMonths: integer("min_months"),
    maxMonthsPerPerson: integer("max_months_per_person"),
    ageLimit: integer("age_limit"),
    onePerHousehold: integer("one_per_household", { mode: "boolean" }).notNull().default(false),
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
    /** 资金来源 — for the finance office. */
    fundSource: text("fund_source"),
    createdByUserId: integer("created_by_user_id").references((): AnySQLiteColumn => users.id),
    createdByLabel: text("created_by_label").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("subsidy_policy_versions_unique").on(t.policyId, t.version),
    check("subsidy_policy_versions_amount_check", sql`${t.amountFen} > 0`),
    check("subsidy_policy_versions_min_months_check", sql`${t.minMonths} IS NULL OR ${t.minMonths} BETWEEN 1 AND 12`),
    check("subsidy_policy_versions_cap_check", sql`${t.maxMonthsPerPerson} IS NULL OR ${t.maxMonthsPerPerson} >= 1`),
    check("subsidy_policy_versions_age_check", sql`${t.ageLimit} IS NULL OR ${t.ageLimit} BETWEEN 16 AND 120`),
    check("subsidy_policy_versions_dates_check", sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * 补贴明细 — the ledger: one line per key (policy, period, worker, and the employer when the
 * employer is paid) and round, with the placements and months it stands on (snapshot JSON).
 * A reversal is a new negative line naming the paid line it undoes; once the reversal is paid the
 * key may be computed again in the next round. Migration 0009 enforces it all with a partial
 * unique index and triggers (docs/decisions/2026-12-01-subsidy-ledger.md).
 */
export const subsidyLines = sqliteTable(
  "subsidy_lines",
  {
    id: integer("id").primaryKey(),
    policyId: integer("policy_id")
      .notNull()
      .references(() => subsidyPolicies.id),
    policyVersionId: integer("policy_version_id")
      .notNull()
      .references(() => subsidyPolicyVersions.id),
    period: text("period").notNull(),
    workerId: integer("worker_id")
      .notNull()
      .references(() => workers.id),
    employerId: integer("employer_id").references(() => employers.id),
    /** 0 for the first payment of a key; n after n paid reversals. */
    round: integer("round").notNull().default(0),
    /** In fen; negative for a reversal. */
    amountFen: integer("amount_fen").notNull(),
    status: text("status", { enum: SUBSIDY_LINE_STATUSES }).notNull().default("待审核"),
    reversesLineId: integer("reverses_line_id").references((): AnySQLiteColumn => subsidyLines.id),
    /** Why a reversal was made (required for one). */
    reason: text("reason"),
    snapshot: text("snapshot", { mode: "json" }).notNull(),
    computedAt: text("computed_at").notNull(),
    createdByUserId: integer("created_by_user_id").references((): AnySQLiteColumn => users.id),
    createdByLabel: text("created_by_label").notNull(),
    reviewedByUserId: integer("reviewed_by_user_id").references((): AnySQLiteColumn => users.id),
    reviewedAt: text("reviewed_at"),
    /** The reason of a rejection (required), or a reviewer's note. */
    reviewNote: text("review_note"),
    statusChangedAt: text("status_changed_at").notNull(),
    createdAt: createdAt(),
    /** The public notice (公示) the approved line was published on (migration 0012). */
    noticeId: integer("notice_id").references((): AnySQLiteColumn => subsidyNotices.id),
    /** The payment batch the line is paid in (migration 0012). */
    batchId: integer("batch_id").references((): AnySQLiteColumn => subsidyPaymentBatches.id),
    /**
     * What a recompute compares (`factsSignature` of the snapshot: placements and counted months),
     * kept beside the snapshot so computing again need not parse it (migration 0022). Null for
     * lines written before, and for reversals; never changes (trigger).
     */
    factsSignature: text("facts_signature"),
  },
  (t) => [
    index("subsidy_lines_notice_idx").on(t.noticeId),
    index("subsidy_lines_batch_idx").on(t.batchId),
    uniqueIndex("subsidy_lines_live_key_unique")
      .on(t.policyId, t.period, t.workerId, sql`ifnull(${t.employerId}, 0)`, t.round)
      .where(sql`${t.reversesLineId} IS NULL AND ${oneOf(t.status, SUBSIDY_LIVE_STATUSES)}`),
    uniqueIndex("subsidy_lines_live_reversal_unique")
      .on(t.reversesLineId)
      .where(sql`${t.reversesLineId} IS NOT NULL AND ${oneOf(t.status, SUBSIDY_LIVE_STATUSES)}`),
    index("subsidy_lines_policy_period_idx").on(t.policyId, t.period, t.status),
    /** Migration 0017: the list's totals read this index alone. */
    index("subsidy_lines_totals_idx").on(t.policyId, t.period, t.status, t.amountFen),
    index("subsidy_lines_reverses_idx").on(t.reversesLineId).where(sql`${t.reversesLineId} IS NOT NULL`),
    index("subsidy_lines_worker_idx").on(t.workerId),
    index("subsidy_lines_status_idx").on(t.status),
    check("subsidy_lines_status_check", oneOf(t.status, SUBSIDY_LINE_STATUSES)),
    check("subsidy_lines_period_check", sql`${t.period} GLOB '[0-9][0-9][0-9][0-9]' OR ${t.period} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'`),
    check("subsidy_lines_round_check", sql`${t.round} >= 0`),
    check(
      "subsidy_lines_amount_check",
      sql`(${t.reversesLineId} IS NULL AND ${t.amountFen} > 0) OR (${t.reversesLineId} IS NOT NULL AND ${t.amountFen} < 0)`,
    ),
    check("subsidy_lines_reversal_reason_check", sql`${t.reversesLineId} IS NULL OR coalesce(length(trim(${t.reason})), 0) > 0`),
    check("subsidy_lines_rejection_reason_check", sql`${t.status} <> '已驳回' OR coalesce(length(trim(${t.reviewNote})), 0) > 0`),
  ],
);

/** A public notice (公示) of approved lines; never changes (migration 0012, subsidy workflow). */
export const subsidyNotices = sqliteTable(
  "subsidy_notices",
  {
    id: integer("id").primaryKey(),
    /** The code in the public address /notices/<code>. */
    code: text("code").notNull(),
    title: text("title").notNull(),
    publishedOn: text("published_on").notNull(),
    /** The notice's last day; its lines may be paid from the day after. */
    endsOn: text("ends_on").notNull(),
    noticeDays: integer("notice_days").notNull(),
    createdByUserId: integer("created_by_user_id").references((): AnySQLiteColumn => users.id),
    createdByLabel: text("created_by_label").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("subsidy_notices_code_unique").on(t.code),
    check("subsidy_notices_days_check", sql`${t.noticeDays} >= 1`),
    check("subsidy_notices_dates_check", sql`${t.endsOn} >= ${t.publishedOn}`),
  ],
);

/** A payment batch (发放批次); frozen once paid, marked paid by someone other than its lines' reviewer. */
export const subsidyPaymentBatches = sqliteTable(
  "subsidy_payment_batches",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull(),
    status: text("status", { enum: ["待发放", "已发放"] }).notNull().default("待发放"),
    createdByUserId: integer("created_by_user_id").references((): AnySQLiteColumn => users.id),
    createdByLabel: text("created_by_label").notNull(),
    createdAt: text("created_at").notNull(),
    bankReference: text("bank_reference"),
    paidOn: text("paid_on"),
    paidByUserId: integer("paid_by_user_id").references((): AnySQLiteColumn => users.id),
    paidByLabel: text("paid_by_label"),
    paidAt: text("paid_at"),
  },
  (t) => [
    uniqueIndex("subsidy_payment_batches_code_unique").on(t.code),
    check("subsidy_payment_batches_status_check", oneOf(t.status, ["待发放", "已发放"])),
    check(
      "subsidy_payment_batches_paid_check",
      sql`${t.status} <> '已发放' OR (coalesce(length(trim(${t.bankReference})), 0) > 0 AND ${t.paidOn} IS NOT NULL AND ${t.paidByUserId} IS NOT NULL)`,
    ),
  ],
);

/** An objection (异议) to a line, recorded by staff; open (outcome null) it holds the line back. */
export const subsidyObjections = sqliteTable(
  "subsidy_objections",
  {
    id: integer("id").primaryKey(),
    lineId: integer("line_id")
      .notNull()
      .references(() => subsidyLines.id),
    raisedBy: text("raised_by").notNull(),
    content: text("content").notNull(),
    recordedByUserId: integer("recorded_by_user_id").references((): AnySQLiteColumn => users.id),
    recordedByLabel: text("recorded_by_label").notNull(),
    recordedAt: text("recorded_at").notNull(),
    outcome: text("outcome", { enum: ["成立", "不成立"] }),
    resolution: text("resolution"),
    resolvedByUserId: integer("resolved_by_user_id").references((): AnySQLiteColumn => users.id),
    resolvedByLabel: text("resolved_by_label"),
    resolvedAt: text("resolved_at"),
  },
  (t) => [
    index("subsidy_objections_line_idx").on(t.lineId),
    check("subsidy_objections_content_check", sql`length(trim(${t.content})) > 0`),
    check(
      "subsidy_objections_outcome_check",
      sql`${t.outcome} IS NULL OR (${t.outcome} IN ('成立', '不成立') AND coalesce(length(trim(${t.resolution})), 0) > 0 AND ${t.resolvedAt} IS NOT NULL)`,
    ),
  ],
);

/**
 * A subsidy compute started from the bureau's page (migration 0013, src/jobs/subsidy-compute-jobs.ts):
 * its stage while it runs (polled by the page), then its outcome — lines added, unchanged, and
 * the differences to act on (JSON). A restart marks a running job 'interrupted'.
 */
export const subsidyComputeJobs = sqliteTable(
  "subsidy_compute_jobs",
  {
    id: integer("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    policyId: integer("policy_id")
      .notNull()
      .references(() => subsidyPolicies.id),
    period: text("period").notNull(),
    userId: integer("user_id").references(() => users.id),
    byLabel: text("by_label").notNull(),
    status: text("status", { enum: IMPORT_JOB_STATUSES }).notNull().default("running"),
    /** 0 queued, 1 reading the facts, 2 deciding and writing, 3 finished. */
    stage: integer("stage").notNull().default(0),
    /** The compute's outcome status (done, or the problem: notEnded, outsideValidity, …). */
    outcome: text("outcome"),
    version: integer("version"),
    added: integer("added").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    differences: text("differences"),
    startedAt: text("started_at").notNull(),
    finishedAt: text("finished_at"),
    /** Households walked so far, and in all (migration 0017; counted in households since 0027). */
    householdsDone: integer("households_done").notNull().default(0),
    householdsTotal: integer("households_total"),
    /** Of the unchanged, keys due again that stay rejected. */
    keptRejected: integer("kept_rejected").notNull().default(0),
  },
  (t) => [
    index("subsidy_compute_jobs_policy_idx").on(t.policyId, t.id),
    index("subsidy_compute_jobs_status_idx").on(t.status),
    check("subsidy_compute_jobs_status_check", oneOf(t.status, IMPORT_JOB_STATUSES)),
    check("subsidy_compute_jobs_stage_check", sql`${t.stage} BETWEEN 0 AND 3`),
  ],
);

/**
 * A rejected subsidy line re-opened by a person (migration 0017): the next compute may propose its
 * key again. Without one, a rejected line holds its key (docs/decisions/2026-12-02-subsidy-rejected-keys.md).
 * Once per line, rejected original lines only, never changed or deleted (triggers).
 */
export const subsidyLineReopenings = sqliteTable(
  "subsidy_line_reopenings",
  {
    id: integer("id").primaryKey(),
    lineId: integer("line_id")
      .notNull()
      .references(() => subsidyLines.id),
    reason: text("reason").notNull(),
    byUserId: integer("by_user_id").references(() => users.id),
    byLabel: text("by_label").notNull(),
    reopenedAt: text("reopened_at").notNull(),
  },
  (t) => [uniqueIndex("subsidy_line_reopenings_line_unique").on(t.lineId), check("subsidy_line_reopenings_reason_check", sql`length(trim(${t.reason})) > 0`)],
);

/**
 * A manager asking a town's cadres to refer suitable registry people to a posting (managers never
 * see registry people themselves); it lands in the cadres' worklist until marked done.
 */
export const referralRequests = sqliteTable(
  "referral_requests",
  {
    id: integer("id").primaryKey(),
    postingId: integer("posting_id")
      .notNull()
      .references(() => postings.id),
    townId: integer("town_id")
      .notNull()
      .references(() => towns.id),
    requestedByUserId: integer("requested_by_user_id").references((): AnySQLiteColumn => users.id),
    note: text("note"),
    status: text("status", { enum: ["open", "done"] }).notNull().default("open"),
    requestedDate: text("requested_date").notNull(),
    doneDate: text("done_date"),
    createdAt: createdAt(),
  },
  (t) => [
    index("referral_requests_town_idx").on(t.townId, t.status),
    uniqueIndex("referral_requests_open_unique").on(t.postingId, t.townId).where(sql`${t.status} = 'open'`),
    check("referral_requests_status_check", oneOf(t.status, ["open", "done"])),
  ],
);

/**
 * Postings touched since the reduced mode built its in-memory index (migration 0021_reduced,
 * kept by triggers and by the search-text writer): src/search/reduced-search.ts patches those.
 */
export const postingChanges = sqliteTable("posting_changes", {
  seq: integer("seq").primaryKey({ autoIncrement: true }),
  postingId: integer("posting_id").notNull(),
});

/**
 * The statistics' change log (migration 0016): one row for each bump of the registry version,
 * naming the table and row that changed; read and pruned only through raw SQL in
 * db/queries/stats-changes.ts (src/use-cases/statistics.ts patches its snapshot from it).
 */
export const statsChanges = sqliteTable("stats_changes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  tbl: text("tbl").notNull(),
  rowId: integer("row_id").notNull(),
  refOld: integer("ref_old"),
  refNew: integer("ref_new"),
});
