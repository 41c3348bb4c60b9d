/**
 * A county's registry as plain data: towns and villages, employers, postings, households with
 * their workers, placements and applications. Rows mirror the spreadsheet formats of
 * docs/contract.md (references by code, absent values left out), so the demo county, a benchmark
 * county and test fixtures are written the way a spreadsheet would be. Pure types.
 */
import type {
  ApplicationStatus,
  EmployerType,
  EmploymentForm,
  HouseholdCategory,
  LabourAbility,
  PayUnit,
  PhysicalDemand,
  PostingStatus,
  PreferredArea,
  RecognitionStatus,
  WorkingTime,
} from "./enums.ts";

export interface CountyVillage {
  name: string;
  /** WGS-84 decimal degrees of the village centre. */
  lat: number;
  lng: number;
}

export interface CountyTown {
  name: string;
  villages: CountyVillage[];
}

export interface CountyEmployer {
  code: string;
  name: string;
  type: EmployerType;
  /** Only for a 卫星工厂: the code of its 核心工厂 (an employer listed before it). */
  coreFactoryCode?: string;
  town: string;
  village?: string;
  address?: string;
  lat?: number;
  lng?: number;
  contactName?: string;
  contactPhone?: string;
  recognition: RecognitionStatus;
}

export interface CountyPosting {
  code: string;
  employerCode: string;
  title: string;
  description: string;
  headcount: number;
  payMin?: number;
  payMax?: number;
  payUnit: PayUnit;
  workingTime: WorkingTime;
  ageMin?: number;
  ageMax?: number;
  physicalDemand?: PhysicalDemand;
  skills: string[];
  benefits: string[];
  status: PostingStatus;
  /** YYYY-MM-DD */
  closingDate?: string;
  /** YYYY-MM-DD */
  publishedAt: string;
}

export interface CountyWorker {
  name: string;
  /** A valid 18-character ID number (check digit computed). */
  idNumber: string;
  phone?: string;
  labourAbility: LabourAbility;
  willingToWork: boolean;
  skills: string[];
  preferredArea?: PreferredArea;
  availableTime?: WorkingTime;
}

export interface CountyPlacement {
  /** The worker's ID number. */
  idNumber: string;
  /** Empty for work outside the registry (then employmentForm is set). */
  employerCode?: string;
  postingCode?: string;
  startDate: string;
  endDate?: string;
  endReason?: string;
  monthlyIncome?: number;
  workProvince?: string;
  workCounty?: string;
  employmentForm?: EmploymentForm;
}

export interface CountyApplication {
  postingCode: string;
  /** The worker's ID number when the applicant is in the registry. */
  idNumber?: string;
  applicantName: string;
  applicantPhone: string;
  applicantVillage?: string;
  note?: string;
  status: ApplicationStatus;
  /** ISO timestamp. */
  createdAt: string;
}

export interface CountyHousehold {
  code: string;
  category: HouseholdCategory;
  relocated: boolean;
  /** 家庭人口数: all members, not only the workers listed. */
  size: number;
  town: string;
  village: string;
  workers: CountyWorker[];
  placements: CountyPlacement[];
  applications: CountyApplication[];
}

export interface GeneratedCounty {
  countyName: string;
  provinceName: string;
  towns: CountyTown[];
  employers: CountyEmployer[];
  postings: CountyPosting[];
  /** Households one by one, so a county of a million workers can be streamed into the database. */
  households(): Iterable<CountyHousehold>;
}

export interface GenerateCountyOptions {
  seed: number;
  /** About how many workers (劳动力) to generate. */
  workers: number;
  /** The reference date: placements run up to it, closing dates lie after it. YYYY-MM-DD. */
  today: string;
}
