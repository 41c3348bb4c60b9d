-- The subsidy ledger (docs/decisions/2026-12-01-subsidy-ledger.md). Policies are data with
-- append-only versions; lines are the ledger. The database itself guarantees: one live line per
-- key and round (partial unique index), a new round only after the previous round's paid line
-- was reversed by a paid reversal, reversals that undo a paid line of the same key for its whole
-- amount, lines whose key, amount and facts never change, paid lines that never change at all,
-- and no line ever deleted.
CREATE TABLE `subsidy_policies` (
  `id` integer PRIMARY KEY NOT NULL,
  `code` text NOT NULL,
  `name` text NOT NULL,
  `kind` text NOT NULL,
  `retired_at` text,
  `created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  `updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  CONSTRAINT "subsidy_policies_kind_check" CHECK("subsidy_policies"."kind" IN ('吸纳就业补贴', '公益性岗位补贴', '交通补贴'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_policies_code_unique` ON `subsidy_policies` (`code`);
--> statement-breakpoint
CREATE TRIGGER `subsidy_policies_kind_frozen` BEFORE UPDATE OF `kind`, `code` ON `subsidy_policies`
WHEN NEW.`kind` IS NOT OLD.`kind` OR NEW.`code` IS NOT OLD.`code`
BEGIN
  SELECT RAISE(ABORT, 'a subsidy policy keeps its code and kind');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_policies_no_delete` BEFORE DELETE ON `subsidy_policies`
BEGIN
  SELECT RAISE(ABORT, 'subsidy policies are retired, never deleted');
END;
--> statement-breakpoint
CREATE TABLE `subsidy_policy_versions` (
  `id` integer PRIMARY KEY NOT NULL,
  `policy_id` integer NOT NULL REFERENCES `subsidy_policies`(`id`),
  `version` integer NOT NULL,
  `amount_fen` integer NOT NULL,
  `min_months` integer,
  `max_months_per_person` integer,
  `age_limit` integer,
  `one_per_household` integer DEFAULT false NOT NULL,
  `start_date` text NOT NULL,
  `end_date` text,
  `fund_source` text,
  `created_by_user_id` integer REFERENCES `users`(`id`),
  `created_by_label` text NOT NULL,
  `created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  CONSTRAINT "subsidy_policy_versions_amount_check" CHECK("subsidy_policy_versions"."amount_fen" > 0),
  CONSTRAINT "subsidy_policy_versions_min_months_check" CHECK("subsidy_policy_versions"."min_months" IS NULL OR "subsidy_policy_versions"."min_months" BETWEEN 1 AND 12),
  CONSTRAINT "subsidy_policy_versions_cap_check" CHECK("subsidy_policy_versions"."max_months_per_person" IS NULL OR "subsidy_policy_versions"."max_months_per_person" >= 1),
  CONSTRAINT "subsidy_policy_versions_age_check" CHECK("subsidy_policy_versions"."age_limit" IS NULL OR "subsidy_policy_versions"."age_limit" BETWEEN 16 AND 120),
  CONSTRAINT "subsidy_policy_versions_dates_check" CHECK("subsidy_policy_versions"."end_date" IS NULL OR "subsidy_policy_versions"."end_date" >= "subsidy_policy_versions"."start_date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_policy_versions_unique` ON `subsidy_policy_versions` (`policy_id`,`version`);
--> statement-breakpoint
CREATE TRIGGER `subsidy_policy_versions_no_update` BEFORE UPDATE ON `subsidy_policy_versions`
BEGIN
  SELECT RAISE(ABORT, 'a policy version never changes: add a new version');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_policy_versions_no_delete` BEFORE DELETE ON `subsidy_policy_versions`
BEGIN
  SELECT RAISE(ABORT, 'a policy version never changes: add a new version');
END;
--> statement-breakpoint
CREATE TABLE `subsidy_lines` (
  `id` integer PRIMARY KEY NOT NULL,
  `policy_id` integer NOT NULL REFERENCES `subsidy_policies`(`id`),
  `policy_version_id` integer NOT NULL REFERENCES `subsidy_policy_versions`(`id`),
  `period` text NOT NULL,
  `worker_id` integer NOT NULL REFERENCES `workers`(`id`),
  `employer_id` integer REFERENCES `employers`(`id`),
  `round` integer DEFAULT 0 NOT NULL,
  `amount_fen` integer NOT NULL,
  `status` text DEFAULT '待审核' NOT NULL,
  `reverses_line_id` integer REFERENCES `subsidy_lines`(`id`),
  `reason` text,
  `snapshot` text NOT NULL,
  `computed_at` text NOT NULL,
  `created_by_user_id` integer REFERENCES `users`(`id`),
  `created_by_label` text NOT NULL,
  `reviewed_by_user_id` integer REFERENCES `users`(`id`),
  `reviewed_at` text,
  `review_note` text,
  `status_changed_at` text NOT NULL,
  `created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  CONSTRAINT "subsidy_lines_status_check" CHECK("subsidy_lines"."status" IN ('待审核', '已审核', '已驳回', '已撤回', '已发放')),
  CONSTRAINT "subsidy_lines_period_check" CHECK("subsidy_lines"."period" GLOB '[0-9][0-9][0-9][0-9]' OR "subsidy_lines"."period" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  CONSTRAINT "subsidy_lines_round_check" CHECK("subsidy_lines"."round" >= 0),
  CONSTRAINT "subsidy_lines_amount_check" CHECK(("subsidy_lines"."reverses_line_id" IS NULL AND "subsidy_lines"."amount_fen" > 0) OR ("subsidy_lines"."reverses_line_id" IS NOT NULL AND "subsidy_lines"."amount_fen" < 0)),
  CONSTRAINT "subsidy_lines_reversal_reason_check" CHECK("subsidy_lines"."reverses_line_id" IS NULL OR coalesce(length(trim("subsidy_lines"."reason")), 0) > 0),
  CONSTRAINT "subsidy_lines_rejection_reason_check" CHECK("subsidy_lines"."status" <> '已驳回' OR coalesce(length(trim("subsidy_lines"."review_note")), 0) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_lines_live_key_unique` ON `subsidy_lines` (`policy_id`,`period`,`worker_id`,ifnull(`employer_id`, 0),`round`) WHERE "subsidy_lines"."reverses_line_id" IS NULL AND "subsidy_lines"."status" IN ('待审核', '已审核', '已发放');
--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_lines_live_reversal_unique` ON `subsidy_lines` (`reverses_line_id`) WHERE "subsidy_lines"."reverses_line_id" IS NOT NULL AND "subsidy_lines"."status" IN ('待审核', '已审核', '已发放');
--> statement-breakpoint
CREATE INDEX `subsidy_lines_policy_period_idx` ON `subsidy_lines` (`policy_id`,`period`,`status`);
--> statement-breakpoint
CREATE INDEX `subsidy_lines_worker_idx` ON `subsidy_lines` (`worker_id`);
--> statement-breakpoint
CREATE INDEX `subsidy_lines_status_idx` ON `subsidy_lines` (`status`);
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_no_delete` BEFORE DELETE ON `subsidy_lines`
BEGIN
  SELECT RAISE(ABORT, 'subsidy lines are never deleted: withdraw, reject or reverse them');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_paid_frozen` BEFORE UPDATE ON `subsidy_lines`
WHEN OLD.`status` = '已发放'
BEGIN
  SELECT RAISE(ABORT, 'a paid subsidy line never changes: reverse it with a new line');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_closed_frozen` BEFORE UPDATE ON `subsidy_lines`
WHEN OLD.`status` IN ('已驳回', '已撤回')
BEGIN
  SELECT RAISE(ABORT, 'a rejected or withdrawn subsidy line never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_facts_frozen` BEFORE UPDATE ON `subsidy_lines`
WHEN OLD.`status` IN ('待审核', '已审核') AND (NEW.`policy_id` IS NOT OLD.`policy_id` OR NEW.`policy_version_id` IS NOT OLD.`policy_version_id`
  OR NEW.`period` IS NOT OLD.`period` OR NEW.`worker_id` IS NOT OLD.`worker_id`
  OR NEW.`employer_id` IS NOT OLD.`employer_id` OR NEW.`round` IS NOT OLD.`round`
  OR NEW.`amount_fen` IS NOT OLD.`amount_fen` OR NEW.`reverses_line_id` IS NOT OLD.`reverses_line_id`
  OR NEW.`reason` IS NOT OLD.`reason` OR NEW.`snapshot` IS NOT OLD.`snapshot`
  OR NEW.`computed_at` IS NOT OLD.`computed_at` OR NEW.`created_by_user_id` IS NOT OLD.`created_by_user_id`
  OR NEW.`created_by_label` IS NOT OLD.`created_by_label` OR NEW.`created_at` IS NOT OLD.`created_at`)
BEGIN
  SELECT RAISE(ABORT, 'a subsidy line keeps its key, amount and facts');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_status_flow` BEFORE UPDATE OF `status` ON `subsidy_lines`
WHEN OLD.`status` IN ('待审核', '已审核') AND NEW.`status` IS NOT OLD.`status` AND NOT (
  (OLD.`status` = '待审核' AND NEW.`status` IN ('已审核', '已驳回', '已撤回'))
  OR (OLD.`status` = '已审核' AND NEW.`status` IN ('待审核', '已撤回', '已发放'))
)
BEGIN
  SELECT RAISE(ABORT, 'this status change is not allowed for a subsidy line');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_round_after_reversal` BEFORE INSERT ON `subsidy_lines`
WHEN NEW.`reverses_line_id` IS NULL AND NEW.`round` > 0 AND NOT EXISTS (
  SELECT 1 FROM `subsidy_lines` r JOIN `subsidy_lines` o ON o.`id` = r.`reverses_line_id`
  WHERE r.`status` = '已发放' AND o.`policy_id` = NEW.`policy_id` AND o.`period` = NEW.`period`
    AND o.`worker_id` = NEW.`worker_id` AND o.`employer_id` IS NEW.`employer_id` AND o.`round` = NEW.`round` - 1
)
BEGIN
  SELECT RAISE(ABORT, 'a key is paid again only after its paid line was reversed and the reversal paid');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_reversal_matches` BEFORE INSERT ON `subsidy_lines`
WHEN NEW.`reverses_line_id` IS NOT NULL AND NEW.`amount_fen` < 0 AND NOT EXISTS (
  SELECT 1 FROM `subsidy_lines` o
  WHERE o.`id` = NEW.`reverses_line_id` AND o.`reverses_line_id` IS NULL AND o.`status` = '已发放'
    AND o.`policy_id` = NEW.`policy_id` AND o.`period` = NEW.`period` AND o.`worker_id` = NEW.`worker_id`
    AND o.`employer_id` IS NEW.`employer_id` AND o.`round` = NEW.`round` AND o.`amount_fen` = -NEW.`amount_fen`
)
BEGIN
  SELECT RAISE(ABORT, 'a reversal undoes a paid line of the same key for its whole amount');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_version_of_policy` BEFORE INSERT ON `subsidy_lines`
WHEN NOT EXISTS (SELECT 1 FROM `subsidy_policy_versions` v WHERE v.`id` = NEW.`policy_version_id` AND v.`policy_id` = NEW.`policy_id`)
BEGIN
  SELECT RAISE(ABORT, 'a subsidy line names a version of its own policy');
END;

--> statement-breakpoint
-- The bureau's web import may now run the `policies` kind: import_jobs' kind check is widened
-- (a table rebuild; the migrator runs it with foreign keys off and checks them before commit).
CREATE TABLE `__new_import_jobs` (
	`id` integer PRIMARY KEY NOT NULL,
	`public_id` text NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`upload_path` text,
	`status` text DEFAULT 'running' NOT NULL,
	`rows_done` integer DEFAULT 0 NOT NULL,
	`rows_total` integer,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`headers` text,
	`unknown_columns` text,
	`message` text,
	`started_at` text NOT NULL,
	`finished_at` text,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "import_jobs_status_check" CHECK(`status` IN ('running', 'done', 'failed', 'interrupted')),
	CONSTRAINT "import_jobs_kind_check" CHECK(`kind` IN ('regions', 'employers', 'postings', 'workers', 'placements', 'policies'))
);
--> statement-breakpoint
INSERT INTO `__new_import_jobs` SELECT `id`, `public_id`, `user_id`, `kind`, `file_name`, `upload_path`, `status`, `rows_done`, `rows_total`, `created`, `updated`, `unchanged`, `rejected`, `headers`, `unknown_columns`, `message`, `started_at`, `finished_at`, `expires_at` FROM `import_jobs`;
--> statement-breakpoint
DROP TABLE `import_jobs`;
--> statement-breakpoint
ALTER TABLE `__new_import_jobs` RENAME TO `import_jobs`;
--> statement-breakpoint
CREATE UNIQUE INDEX `import_jobs_public_id_unique` ON `import_jobs` (`public_id`);
--> statement-breakpoint
CREATE INDEX `import_jobs_status_idx` ON `import_jobs` (`status`);
--> statement-breakpoint
CREATE INDEX `import_jobs_expires_idx` ON `import_jobs` (`expires_at`);
