-- Retention (稳岗, issue 13; docs/decisions/2026-12-02-retention.md): covering indexes so the
-- retention counts read the placements started in a range, and each one's worker village and
-- household category, from compact indexes instead of the wide table rows.
CREATE INDEX `placements_retention_idx` ON `placements` (`start_date`,`needs_confirmation`,`end_date`,`worker_id`,`employer_id`,`employment_form`);
--> statement-breakpoint
CREATE INDEX `workers_retention_idx` ON `workers` (`id`,`village_id`,`household_id`);
--> statement-breakpoint
CREATE INDEX `households_retention_idx` ON `households` (`id`,`category`);
