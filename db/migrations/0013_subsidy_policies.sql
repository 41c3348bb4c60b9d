-- Subsidy computes started from the bureau's page run as jobs (docs/decisions/2026-12-01-subsidy-policies.md):
-- a row per run, polled by the page, so a restart cannot lose what was computed or hide that a
-- run was cut short (a running job is marked 'interrupted' at start; its compute was one
-- transaction, so nothing of it was written). The outcome (lines added, unchanged, and the
-- differences to act on) is kept as JSON with the job; the policies page shows the newest per
-- policy. Policies themselves keep 0009's tables: versions are append-only and a line names its
-- version; a retirement is recorded with who did it.
CREATE TABLE `subsidy_compute_jobs` (
	`id` integer PRIMARY KEY NOT NULL,
	`public_id` text NOT NULL,
	`policy_id` integer NOT NULL REFERENCES `subsidy_policies`(`id`),
	`period` text NOT NULL,
	`user_id` integer REFERENCES `users`(`id`),
	`by_label` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`stage` integer DEFAULT 0 NOT NULL,
	`outcome` text,
	`version` integer,
	`added` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`differences` text,
	`started_at` text NOT NULL,
	`finished_at` text,
	CONSTRAINT "subsidy_compute_jobs_status_check" CHECK("subsidy_compute_jobs"."status" IN ('running', 'done', 'failed', 'interrupted')),
	CONSTRAINT "subsidy_compute_jobs_stage_check" CHECK("subsidy_compute_jobs"."stage" BETWEEN 0 AND 3)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_compute_jobs_public_id_unique` ON `subsidy_compute_jobs` (`public_id`);
--> statement-breakpoint
CREATE INDEX `subsidy_compute_jobs_policy_idx` ON `subsidy_compute_jobs` (`policy_id`, `id`);
--> statement-breakpoint
CREATE INDEX `subsidy_compute_jobs_status_idx` ON `subsidy_compute_jobs` (`status`);
--> statement-breakpoint
ALTER TABLE `subsidy_policies` ADD `retired_by_label` text;
