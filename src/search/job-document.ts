/**
 * What the search index holds for a posting, and how it maps back to what pages and the API
 * show. Pure: no engine, no database. Only open postings (招聘中) are indexed, and nothing
 * personal ever is: a document holds the posting, its employer and place — no contact person, no
 * phone, no applicant or worker data.
 */
import { chinaDate, dayNumber } from "../core/china-time.ts";
import type { EmployerType, PayUnit, PhysicalDemand, PostingStatus, WorkingTime } from "../core/enums.ts";
import type { GeoPoint } from "../core/geo.ts";
import type { PostingFields } from "../core/posting-fields.ts";
import { monthlyPay, payLevel, type JobFacts } from "../core/job-filters.ts";
import { toSearchForm } from "../core/search-text.ts";

/** A posting joined with its employer and place, as the database gives it. */
export interface JobRow extends PostingFields {
  id: number;
  publishedAt: string | null;
  employerCode: string;
  employerName: string;
  employerType: EmployerType;
  /** The employer's business contact, shown on the job page (not indexed). */
  contactName: string | null;
  contactPhone: string | null;
  town: string;
  village: string | null;
  lat: number | null;
  lng: number | null;
  /** Openings left (还需 N 人): headcount less the people working from it now. */
  openings?: number;
}

/** Bounds stored for a posting without an age limit, so one range filter serves every posting. */
export const NO_AGE_MIN = 0;
export const NO_AGE_MAX = 150;
/** Stored for a posting without a closing date, so one range filter serves every posting. */
export const NO_CLOSING_DAY = 99_991_231;

/**
 * The version of the document shape below. When it changes, the platform re-sends every posting
 * at its next start (src/search/index-version.ts), so no index keeps documents of an older shape.
 */
export const JOB_DOCUMENT_VERSION = 3;

/**
 * A posting in the index. Fields ending in `Text` are what the engine searches, in the search
 * form of search-text.ts (simplified, half-width) so that traditional input finds simplified
 * postings; the others are shown and filtered on exactly as the database holds them.
 */
export interface JobDocument {
  id: string;
  code: string;
  title: string;
  employerCode: string;
  employerName: string;
  type: EmployerType;
  town: string;
  village: string | null;
  payMin: number | null;
  payMax: number | null;
  payUnit: PayUnit;
  /** Best pay per month (core/job-filters monthlyPay), for sorting by pay across pay units. */
  monthlyPay: number | null;
  /** The highest pay level monthlyPay reaches (core/job-filters payLevel), for pay facets. */
  payLevel: number;
  workingTime: WorkingTime;
  ageMin: number;
  ageMax: number;
  physicalDemand: PhysicalDemand | null;
  benefits: string[];
  headcount: number;
  /** Milliseconds since the epoch, for sorting by newest. */
  publishedAt: number;
  closingDate: string | null;
  /** Openings left (还需 N 人); absent in documents indexed before it existed. */
  openings?: number;
  /** The closing date as YYYYMMDD (NO_CLOSING_DAY when none), to leave out postings past it. */
  closesOn: number;
  titleText: string;
  skillsText: string[];
  /** Platform type, working time and benefits, so typing 公益性岗位 or 包吃 finds them. */
  tagsText: string[];
  employerText: string;
  placeText: string;
  descriptionText: string;
  _geo?: GeoPoint;
}

/** Only postings that are recruiting belong in the index. */
export function isSearchable(row: Pick<JobRow, "status">): boolean {
  return row.status === "招聘中";
}

/**
 * The document of a posting. `searchForm` is toSearchForm, or a memoisedSearchForm when many
 * postings are mapped at once (a rebuild, the reduced mode's text): the same answers, cheaper.
 */
export function toJobDocument(row: JobRow, searchForm: (text: string) => string = toSearchForm): JobDocument {
  const monthly = monthlyPay(row.payMin, row.payMax, row.payUnit);
  return {
    id: row.code,
    code: row.code,
    title: row.title,
    employerCode: row.employerCode,
    employerName: row.employerName,
    type: row.employerType,
    town: row.town,
    village: row.village,
    payMin: row.payMin,
    payMax: row.payMax,
    payUnit: row.payUnit,
    monthlyPay: monthly,
    payLevel: payLevel(monthly),
    workingTime: row.workingTime,
    ageMin: row.ageMin ?? NO_AGE_MIN,
    ageMax: row.ageMax ?? NO_AGE_MAX,
    physicalDemand: row.physicalDemand,
    benefits: row.benefits,
    headcount: row.headcount,
    publishedAt: row.publishedAt ? Date.parse(row.publishedAt) : 0,
    closingDate: row.closingDate,
    openings: row.openings ?? row.headcount,
    closesOn: row.closingDate ? dayNumber(row.closingDate) : NO_CLOSING_DAY,
    titleText: searchForm(row.title),
    skillsText: row.skills.map((skill) => searchForm(skill)),
    tagsText: [row.employerType, row.workingTime, ...row.benefits].map((tag) => searchForm(tag)),
    employerText: searchForm(row.employerName),
    placeText: searchForm(row.village ? `${row.town} ${row.village}` : row.town),
    descriptionText: searchForm(row.description),
    ...(row.lat !== null && row.lng !== null ? { _geo: { lat: row.lat, lng: row.lng } } : {}),
  };
}

/** Where a posting's work is, when known. */
export function jobPoint(row: Pick<JobRow, "lat" | "lng">): GeoPoint | null {
  return row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null;
}

/** The facts filters look at (core/job-filters), for the plain database search. */
export function jobFacts(row: JobRow): JobFacts {
  return {
    type: row.employerType,
    town: row.town,
    workingTime: row.workingTime,
    ageMin: row.ageMin,
    ageMax: row.ageMax,
    benefits: row.benefits,
    monthlyPay: monthlyPay(row.payMin, row.payMax, row.payUnit),
    point: jobPoint(row),
    closingDate: row.closingDate,
  };
}

/** A job as lists and the JSON API show it (docs/contract.md, GET /api/v1/jobs). */
export interface JobSummary {
  code: string;
  title: string;
  employer: { code: string; name: string; type: EmployerType };
  town: string;
  village: string | null;
  pay_min: number | null;
  pay_max: number | null;
  pay_unit: PayUnit;
  time: WorkingTime;
  benefits: string[];
  published_at: string | null;
  distance_km?: number;
  /** Openings left (还需 N 人), when known. */
  openings?: number;
}

/** What a summary is made of; a database row has these fields, a document is mapped onto them. */
type SummarySource = Pick<
  JobRow,
  "code" | "title" | "employerCode" | "employerName" | "employerType" | "town" | "village" | "payMin" | "payMax" | "payUnit" | "workingTime" | "benefits" | "publishedAt" | "openings"
>;

function toJobSummary(source: SummarySource, distanceKm: number | undefined): JobSummary {
  return {
    code: source.code,
    title: source.title,
    employer: { code: source.employerCode, name: source.employerName, type: source.employerType },
    town: source.town,
    village: source.village,
    pay_min: source.payMin,
    pay_max: source.payMax,
    pay_unit: source.payUnit,
    time: source.workingTime,
    benefits: source.benefits,
    published_at: source.publishedAt,
    ...(source.openings === undefined ? {} : { openings: source.openings }),
    ...(distanceKm === undefined ? {} : { distance_km: distanceKm }),
  };
}

export function summaryFromRow(row: JobRow, distanceKm?: number): JobSummary {
  return toJobSummary(row, distanceKm);
}

export function summaryFromDocument(doc: JobDocument, distanceKm?: number): JobSummary {
  const { type: employerType, publishedAt, ...rest } = doc;
  return toJobSummary({ ...rest, employerType, publishedAt: publishedAt ? chinaDate(new Date(publishedAt)) : null }, distanceKm);
}
