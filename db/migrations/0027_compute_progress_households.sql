-- The page's compute counts its progress in households walked, not people decided: counting the
-- people of a period up front cost a second pass over the facts (docs/decisions/2026-12-03-subsidy-compute-audit.md).
ALTER TABLE `subsidy_compute_jobs` RENAME COLUMN `people_done` TO `households_done`;
--> statement-breakpoint
ALTER TABLE `subsidy_compute_jobs` RENAME COLUMN `people_total` TO `households_total`;
