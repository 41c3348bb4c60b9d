-- The subsidy workflow (docs/decisions/2026-12-01-subsidy-workflow.md): public notices (公示),
-- objections (异议), payment batches (发放批次), and the lines' links to them. The database keeps
-- the ledger's promises whatever program writes: a line is paid only inside a paid batch, by
-- someone other than the line's reviewer (four eyes), never with an open objection, never with
-- a notice skipped; notices and paid batches never change; nothing is deleted; and a REPLACE
-- (which deletes silently, delete triggers skipped) can never take a line's place.
CREATE TABLE `subsidy_notices` (
  `id` integer PRIMARY KEY NOT NULL,
  `code` text NOT NULL,
  `title` text NOT NULL,
  `published_on` text NOT NULL,
  `ends_on` text NOT NULL,
  `notice_days` integer NOT NULL,
  `created_by_user_id` integer REFERENCES `users`(`id`),
  `created_by_label` text NOT NULL,
  `created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  CONSTRAINT "subsidy_notices_days_check" CHECK("subsidy_notices"."notice_days" >= 1),
  CONSTRAINT "subsidy_notices_dates_check" CHECK("subsidy_notices"."ends_on" >= "subsidy_notices"."published_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_notices_code_unique` ON `subsidy_notices` (`code`);
--> statement-breakpoint
CREATE TRIGGER `subsidy_notices_frozen` BEFORE UPDATE ON `subsidy_notices`
BEGIN
  SELECT RAISE(ABORT, 'a published notice never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_notices_no_delete` BEFORE DELETE ON `subsidy_notices`
BEGIN
  SELECT RAISE(ABORT, 'a published notice never changes');
END;
--> statement-breakpoint
CREATE TABLE `subsidy_payment_batches` (
  `id` integer PRIMARY KEY NOT NULL,
  `code` text NOT NULL,
  `status` text DEFAULT '待发放' NOT NULL,
  `created_by_user_id` integer REFERENCES `users`(`id`),
  `created_by_label` text NOT NULL,
  `created_at` text NOT NULL,
  `bank_reference` text,
  `paid_on` text,
  `paid_by_user_id` integer REFERENCES `users`(`id`),
  `paid_by_label` text,
  `paid_at` text,
  CONSTRAINT "subsidy_payment_batches_status_check" CHECK("subsidy_payment_batches"."status" IN ('待发放', '已发放')),
  CONSTRAINT "subsidy_payment_batches_paid_check" CHECK("subsidy_payment_batches"."status" <> '已发放' OR (coalesce(length(trim("subsidy_payment_batches"."bank_reference")), 0) > 0 AND "subsidy_payment_batches"."paid_on" IS NOT NULL AND "subsidy_payment_batches"."paid_by_user_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_payment_batches_code_unique` ON `subsidy_payment_batches` (`code`);
--> statement-breakpoint
CREATE TRIGGER `subsidy_payment_batches_paid_frozen` BEFORE UPDATE ON `subsidy_payment_batches`
WHEN OLD.`status` = '已发放'
BEGIN
  SELECT RAISE(ABORT, 'a paid batch never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_payment_batches_no_delete` BEFORE DELETE ON `subsidy_payment_batches`
BEGIN
  SELECT RAISE(ABORT, 'payment batches are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_payment_batches_four_eyes` BEFORE UPDATE OF `status` ON `subsidy_payment_batches`
WHEN NEW.`status` = '已发放' AND EXISTS (
  SELECT 1 FROM `subsidy_lines` l WHERE l.`batch_id` = NEW.`id` AND l.`reviewed_by_user_id` = NEW.`paid_by_user_id`
)
BEGIN
  SELECT RAISE(ABORT, 'four eyes: the person who marks a batch paid did not approve its lines');
END;
--> statement-breakpoint
CREATE TABLE `subsidy_objections` (
  `id` integer PRIMARY KEY NOT NULL,
  `line_id` integer NOT NULL REFERENCES `subsidy_lines`(`id`),
  `raised_by` text NOT NULL,
  `content` text NOT NULL,
  `recorded_by_user_id` integer REFERENCES `users`(`id`),
  `recorded_by_label` text NOT NULL,
  `recorded_at` text NOT NULL,
  `outcome` text,
  `resolution` text,
  `resolved_by_user_id` integer REFERENCES `users`(`id`),
  `resolved_by_label` text,
  `resolved_at` text,
  CONSTRAINT "subsidy_objections_content_check" CHECK(length(trim("subsidy_objections"."content")) > 0),
  CONSTRAINT "subsidy_objections_outcome_check" CHECK("subsidy_objections"."outcome" IS NULL OR ("subsidy_objections"."outcome" IN ('成立', '不成立') AND coalesce(length(trim("subsidy_objections"."resolution")), 0) > 0 AND "subsidy_objections"."resolved_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `subsidy_objections_line_idx` ON `subsidy_objections` (`line_id`);
--> statement-breakpoint
CREATE TRIGGER `subsidy_objections_resolved_frozen` BEFORE UPDATE ON `subsidy_objections`
WHEN OLD.`outcome` IS NOT NULL OR NEW.`line_id` IS NOT OLD.`line_id` OR NEW.`content` IS NOT OLD.`content`
  OR NEW.`raised_by` IS NOT OLD.`raised_by` OR NEW.`recorded_at` IS NOT OLD.`recorded_at` OR NEW.`id` IS NOT OLD.`id`
BEGIN
  SELECT RAISE(ABORT, 'an objection keeps what was said, and a resolved one never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_objections_no_delete` BEFORE DELETE ON `subsidy_objections`
BEGIN
  SELECT RAISE(ABORT, 'objections are resolved, never deleted');
END;
--> statement-breakpoint
ALTER TABLE `subsidy_lines` ADD `notice_id` integer REFERENCES `subsidy_notices`(`id`);
--> statement-breakpoint
ALTER TABLE `subsidy_lines` ADD `batch_id` integer REFERENCES `subsidy_payment_batches`(`id`);
--> statement-breakpoint
CREATE INDEX `subsidy_lines_notice_idx` ON `subsidy_lines` (`notice_id`);
--> statement-breakpoint
CREATE INDEX `subsidy_lines_batch_idx` ON `subsidy_lines` (`batch_id`);
--> statement-breakpoint
-- An upheld objection rejects an approved line that was never paid: 已审核 → 已驳回 joins the flow.
DROP TRIGGER `subsidy_lines_status_flow`;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_status_flow` BEFORE UPDATE OF `status` ON `subsidy_lines`
WHEN OLD.`status` IN ('待审核', '已审核') AND NEW.`status` IS NOT OLD.`status` AND NOT (
  (OLD.`status` = '待审核' AND NEW.`status` IN ('已审核', '已驳回', '已撤回'))
  OR (OLD.`status` = '已审核' AND NEW.`status` IN ('待审核', '已驳回', '已撤回', '已发放'))
)
BEGIN
  SELECT RAISE(ABORT, 'this status change is not allowed for a subsidy line');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_paid_in_batch` BEFORE UPDATE OF `status` ON `subsidy_lines`
WHEN NEW.`status` = '已发放' AND OLD.`status` IS NOT '已发放' AND NOT EXISTS (
  SELECT 1 FROM `subsidy_payment_batches` b WHERE b.`id` = NEW.`batch_id` AND b.`status` = '已发放'
    AND b.`paid_by_user_id` IS NOT NEW.`reviewed_by_user_id`
)
BEGIN
  SELECT RAISE(ABORT, 'a line is paid only in a paid batch, marked paid by someone other than its reviewer');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_paid_without_objection` BEFORE UPDATE OF `status` ON `subsidy_lines`
WHEN NEW.`status` = '已发放' AND EXISTS (SELECT 1 FROM `subsidy_objections` o WHERE o.`line_id` = NEW.`id` AND o.`outcome` IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'a line with an open objection is not paid');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_inserted_pending` BEFORE INSERT ON `subsidy_lines`
WHEN NEW.`status` IS NOT '待审核'
BEGIN
  SELECT RAISE(ABORT, 'a subsidy line starts pending review');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_no_replace` BEFORE INSERT ON `subsidy_lines`
WHEN EXISTS (SELECT 1 FROM `subsidy_lines` l WHERE l.`id` = NEW.`id`)
  OR (NEW.`reverses_line_id` IS NULL AND EXISTS (
    SELECT 1 FROM `subsidy_lines` l WHERE l.`reverses_line_id` IS NULL AND l.`status` IN ('待审核', '已审核', '已发放')
      AND l.`policy_id` = NEW.`policy_id` AND l.`period` = NEW.`period` AND l.`worker_id` = NEW.`worker_id`
      AND l.`employer_id` IS NEW.`employer_id` AND l.`round` = NEW.`round`))
  OR (NEW.`reverses_line_id` IS NOT NULL AND EXISTS (
    SELECT 1 FROM `subsidy_lines` l WHERE l.`reverses_line_id` = NEW.`reverses_line_id` AND l.`status` IN ('待审核', '已审核', '已发放')))
BEGIN
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: a live subsidy line already holds this key');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_id_frozen` BEFORE UPDATE OF `id` ON `subsidy_lines`
WHEN NEW.`id` IS NOT OLD.`id`
BEGIN
  SELECT RAISE(ABORT, 'a subsidy line keeps its id');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_notice_once` BEFORE UPDATE OF `notice_id` ON `subsidy_lines`
WHEN NEW.`notice_id` IS NOT OLD.`notice_id` AND (OLD.`notice_id` IS NOT NULL OR OLD.`status` <> '已审核' OR NEW.`status` <> '已审核' OR OLD.`reverses_line_id` IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'an approved line is published once, on one notice');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_batch_entry` BEFORE UPDATE OF `batch_id` ON `subsidy_lines`
WHEN NEW.`batch_id` IS NOT NULL AND NEW.`batch_id` IS NOT OLD.`batch_id` AND (
  NEW.`status` <> '已审核'
  OR (NEW.`reverses_line_id` IS NULL AND NEW.`notice_id` IS NULL)
  OR EXISTS (SELECT 1 FROM `subsidy_objections` o WHERE o.`line_id` = NEW.`id` AND o.`outcome` IS NULL)
  OR EXISTS (SELECT 1 FROM `subsidy_payment_batches` b WHERE b.`id` = NEW.`batch_id` AND b.`status` = '已发放')
)
BEGIN
  SELECT RAISE(ABORT, 'a batch takes approved lines that were on notice, with no open objection, before it is paid');
END;
