-- Recommendation speed (issue 13). See docs/decisions/2026-12-02-recommendation-speed.md.
-- The worker-side hard rules of the matcher as one covering index, so that counting the suitable
-- people of a village (db/queries/candidates.ts, a manager's nearby count) reads the index, not
-- every worker row of the village.
CREATE INDEX `workers_matching_idx` ON `workers` (`village_id`,`willing_to_work`,`labour_ability`,`birth_date`,`available_time`,`preferred_area`);
