-- The ledger, second pass (docs/decisions/2026-12-02-subsidy-rejected-keys.md,
-- docs/decisions/2026-12-02-subsidy-compute-progress.md, docs/decisions/2026-12-02-subsidy-figures-cache.md).
-- 1. A rejected line holds its key: computing again does not propose it anew. A person re-opens a
--    rejected line (with a reason) to let the next compute propose the key again; a re-opening is
--    a row of its own (rejected lines never change), for an original rejected line only, once,
--    never changed or deleted.
-- 2. A compute from the bureau's page reports people done / total while it runs.
-- 3. The ledger's version: one row bumped by triggers on every change the subsidy figures read
--    (lines added or changing status, policies renamed), so the figures are summed once per version.
CREATE TABLE `subsidy_line_reopenings` (
  `id` integer PRIMARY KEY NOT NULL,
  `line_id` integer NOT NULL REFERENCES `subsidy_lines`(`id`),
  `reason` text NOT NULL,
  `by_user_id` integer REFERENCES `users`(`id`),
  `by_label` text NOT NULL,
  `reopened_at` text NOT NULL,
  CONSTRAINT "subsidy_line_reopenings_reason_check" CHECK(length(trim("subsidy_line_reopenings"."reason")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_line_reopenings_line_unique` ON `subsidy_line_reopenings` (`line_id`);
--> statement-breakpoint
CREATE TRIGGER `subsidy_line_reopenings_rejected_only` BEFORE INSERT ON `subsidy_line_reopenings`
WHEN NOT EXISTS (SELECT 1 FROM `subsidy_lines` l WHERE l.`id` = NEW.`line_id` AND l.`status` = '已驳回' AND l.`reverses_line_id` IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'only a rejected original subsidy line is re-opened');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_line_reopenings_no_update` BEFORE UPDATE ON `subsidy_line_reopenings`
BEGIN
  SELECT RAISE(ABORT, 'a re-opening never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_line_reopenings_no_delete` BEFORE DELETE ON `subsidy_line_reopenings`
BEGIN
  SELECT RAISE(ABORT, 'a re-opening never changes');
END;
--> statement-breakpoint
ALTER TABLE `subsidy_compute_jobs` ADD `people_done` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `subsidy_compute_jobs` ADD `people_total` integer;
--> statement-breakpoint
ALTER TABLE `subsidy_compute_jobs` ADD `kept_rejected` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE TABLE `subsidy_ledger_version` (
  `id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
  `version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `subsidy_ledger_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_insert_ledger_version` AFTER INSERT ON `subsidy_lines`
BEGIN
  UPDATE `subsidy_ledger_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_update_ledger_version` AFTER UPDATE ON `subsidy_lines`
BEGIN
  UPDATE `subsidy_ledger_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_policies_update_ledger_version` AFTER UPDATE ON `subsidy_policies`
BEGIN
  UPDATE `subsidy_ledger_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_policies_insert_ledger_version` AFTER INSERT ON `subsidy_policies`
BEGIN
  UPDATE `subsidy_ledger_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE INDEX `subsidy_lines_reverses_idx` ON `subsidy_lines` (`reverses_line_id`) WHERE `reverses_line_id` IS NOT NULL;
--> statement-breakpoint
-- The count and amount of every match (the line list's totals) read this index alone, not the
-- lines with their snapshots.
CREATE INDEX `subsidy_lines_totals_idx` ON `subsidy_lines` (`policy_id`, `period`, `status`, `amount_fen`);
