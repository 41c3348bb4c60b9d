/**
 * Postings that suit the people of a household at risk (an alert's suggestions): near their
 * village, in hours they can work, within the posting's age limits. Pure and simple on purpose —
 * the ranked recommendations of the search engine are another piece of work.
 */
import type { WorkingTime } from "./enums.ts";
import { distanceKm } from "./geo.ts";
import { ageOn } from "./calendar.ts";

/** Work further than this from the village is not suggested (家门口就业). */
export const MATCH_MAX_KM = 30;
/** At most this many suggestions on an alert. */
export const MATCH_LIMIT = 10;

export interface MatchSeeker {
  id: number;
  birthDate: string;
  /** 可工作时间; null when not recorded (any time). */
  availableTime: WorkingTime | null;
  lat: number;
  lng: number;
}

export interface MatchPosting {
  code: string;
  title: string;
  employerName: string;
  town: string;
  workingTime: WorkingTime;
  ageMin: number | null;
  ageMax: number | null;
  /** Null when the employer's place is unknown: not suggested. */
  lat: number | null;
  lng: number | null;
}

export interface PostingMatch {
  code: string;
  title: string;
  employerName: string;
  town: string;
  distanceKm: number;
  workingTime: WorkingTime;
  /** The seekers it suits. */
  seekerIds: number[];
}

/** Can someone available `available` take a posting of `posting` hours? */
export function timeFits(available: WorkingTime | null, posting: WorkingTime): boolean {
  if (available === null || available === "全天") return true;
  // Half a day or flexible hours: a full-day job does not fit.
  return posting !== "全天";
}

export function ageFits(seeker: Pick<MatchSeeker, "birthDate">, posting: Pick<MatchPosting, "ageMin" | "ageMax">, date: string): boolean {
  const age = ageOn(seeker.birthDate, date);
  return (posting.ageMin === null || age >= posting.ageMin) && (posting.ageMax === null || age <= posting.ageMax);
}

/**
 * Postings suiting at least one seeker, nearest first (to the nearest seeker it suits).
 * @example suitablePostings(seekers, postings, "2026-11-23").map((m) => m.code)
 */
export function suitablePostings(seekers: readonly MatchSeeker[], postings: readonly MatchPosting[], date: string, limit = MATCH_LIMIT): PostingMatch[] {
  const matches: PostingMatch[] = [];
  for (const posting of postings) {
    if (posting.lat === null || posting.lng === null) continue;
    const place = { lat: posting.lat, lng: posting.lng };
    let nearest = Infinity;
    const seekerIds: number[] = [];
    for (const seeker of seekers) {
      const km = distanceKm(seeker, place);
      if (km > MATCH_MAX_KM || !timeFits(seeker.availableTime, posting.workingTime) || !ageFits(seeker, posting, date)) continue;
      seekerIds.push(seeker.id);
      nearest = Math.min(nearest, km);
    }
    if (seekerIds.length > 0) {
      matches.push({ code: posting.code, title: posting.title, employerName: posting.employerName, town: posting.town, distanceKm: nearest, workingTime: posting.workingTime, seekerIds });
    }
  }
  return matches.sort((a, b) => a.distanceKm - b.distanceKm || a.code.localeCompare(b.code)).slice(0, limit);
}
