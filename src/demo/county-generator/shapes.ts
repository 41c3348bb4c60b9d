/**
 * The generator's internal shapes of towns, employers and postings (the county's rows plus what the household stream looks up).
 * Part of the county generator (src/demo/county-generator.ts).
 */
import type { CountyEmployer, CountyPosting } from "../../core/county.ts";
import type { EmployerKind } from "../vocabulary.ts";

export interface VillageInfo {
  name: string;
  short: string;
  lat: number;
  lng: number;
  town: number;
  resettlement: boolean;
}

export interface TownInfo {
  name: string;
  short: string;
  lat: number;
  lng: number;
  weight: number;
  villages: VillageInfo[];
  ordinary: VillageInfo[];
  resettlement: VillageInfo;
}

export interface EmployerInfo {
  row: CountyEmployer;
  kind: EmployerKind;
  town: number;
  /** Indexes into the postings array. */
  postings: number[];
}

export interface PostingInfo {
  row: CountyPosting;
  employer: number;
  publishedDay: number;
}
