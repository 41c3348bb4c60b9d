/**
 * The subsidy figures' words (../shared/DOMAIN.md, "Figures: amounts computed, approved and paid,
 * and people covered, by policy, town and month"): the breakdowns and the measures.
 */

/** By policy, by the worker's own town, or by the line's period (a year or a month). */
export const FIGURE_BREAKDOWNS = ["policy", "town", "period"] as const;
export type FigureBreakdown = (typeof FIGURE_BREAKDOWNS)[number];

/** computed — original lines not withdrawn; approved — approved or paid; paid — paid lines, reversals negative (net). */
export const FIGURE_MEASURES = ["computed", "approved", "paid"] as const;
export type FigureMeasure = (typeof FIGURE_MEASURES)[number];
