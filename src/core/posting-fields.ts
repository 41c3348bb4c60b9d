/**
 * A posting's own fields as stored (岗位): what a spreadsheet row of postings holds and what the
 * search index reads, each adding its own (employer, place, ids).
 */
import type { PayUnit, PhysicalDemand, PostingStatus, WorkingTime } from "./enums.ts";

export interface PostingFields {
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
}
