/**
 * What the search index holds for a posting, and how it maps back to what pages and the API
 * show. Pure: no engine, no database. Only open postings (招聘中) are indexed, and nothing
 * personal ever is: a posting document carries the employer's business contact, no worker data.
 */
import type { EmployerType, PayUnit, PhysicalDemand, PostingStatus, WorkingTime } from "../core/enums.ts";

/** A posting joined with its employer and place, as the database gives it. */
export interface JobRow {
  id: number;
  code: string;
  title: string;
  description: string;
  headcount: number;
  payMin: number | null;
  payMax: number | null;
  payUnit: PayUnit;
  workingTime: WorkingTime;
  ageMin: number | null;
  ageMax: number | null;
  physicalDemand: PhysicalDemand | null;
  skills: string[];
  benefits: string[];
  status: PostingStatus;
  closingDate: string | null;
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

export interface JobDocument {
  id: string;
  code: string;
  title: string;
  description: string;
  employerCode: string;
  employerName: string;
  type: EmployerType;
  town: string;
  village: string | null;
  payMin: number | null;
  payMax: number | null;
  payUnit: PayUnit;
  workingTime: WorkingTime;
  ageMin: number;
  ageMax: number;
  physicalDemand: PhysicalDemand | null;
  skills: string[];
  benefits: string[];
  headcount: number;
  /** Milliseconds since the epoch, for sorting by newest. */
  publishedAt: number;
  closingDate: string | null;
  /** Openings left (还需 N 人); absent in documents indexed before it existed. */
  openings?: number;
  _geo?: { lat: number; lng: number };
}

/** Only postings that are recruiting belong in the index. */
export function isSearchable(row: Pick<JobRow, "status">): boolean {
  return row.status === "招聘中";
}

export function toJobDocument(row: JobRow): JobDocument {
  return {
    id: row.code,
    code: row.code,
    title: row.title,
    description: row.description,
    employerCode: row.employerCode,
    employerName: row.employerName,
    type: row.employerType,
    town: row.town,
    village: row.village,
    payMin: row.payMin,
    payMax: row.payMax,
    payUnit: row.payUnit,
    workingTime: row.workingTime,
    ageMin: row.ageMin ?? NO_AGE_MIN,
    ageMax: row.ageMax ?? NO_AGE_MAX,
    physicalDemand: row.physicalDemand,
    skills: row.skills,
    benefits: row.benefits,
    headcount: row.headcount,
    publishedAt: row.publishedAt ? Date.parse(row.publishedAt) : 0,
    closingDate: row.closingDate,
    openings: row.openings ?? row.headcount,
    ...(row.lat !== null && row.lng !== null ? { _geo: { lat: row.lat, lng: row.lng } } : {}),
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

export function summaryFromRow(row: JobRow, distanceKm?: number): JobSummary {
  return {
    code: row.code,
    title: row.title,
    employer: { code: row.employerCode, name: row.employerName, type: row.employerType },
    town: row.town,
    village: row.village,
    pay_min: row.payMin,
    pay_max: row.payMax,
    pay_unit: row.payUnit,
    time: row.workingTime,
    benefits: row.benefits,
    published_at: row.publishedAt,
    ...(row.openings === undefined ? {} : { openings: row.openings }),
    ...(distanceKm === undefined ? {} : { distance_km: distanceKm }),
  };
}

export function summaryFromDocument(doc: JobDocument, geoDistanceMetres?: number): JobSummary {
  return {
    code: doc.code,
    title: doc.title,
    employer: { code: doc.employerCode, name: doc.employerName, type: doc.type },
    town: doc.town,
    village: doc.village,
    pay_min: doc.payMin,
    pay_max: doc.payMax,
    pay_unit: doc.payUnit,
    time: doc.workingTime,
    benefits: doc.benefits,
    published_at: doc.publishedAt ? new Date(doc.publishedAt).toISOString().slice(0, 10) : null,
    ...(doc.openings === undefined ? {} : { openings: doc.openings }),
    ...(geoDistanceMetres === undefined ? {} : { distance_km: Math.round(geoDistanceMetres / 100) / 10 }),
  };
}
