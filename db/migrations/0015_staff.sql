-- Staff work (issue 10): a pending hire the bureau refuses (rejected) or its manager withdraws
-- (withdrawn) is closed, with its reason, when and by whom. A closed pending hire counts nowhere
-- (roster, openings, worklist); the manager still sees a refusal and why. See
-- docs/decisions/2026-12-02-closing-pending-hires.md.
ALTER TABLE `pending_hires` ADD `closed_as` text CHECK (`closed_as` IS NULL OR `closed_as` IN ('rejected', 'withdrawn'));
--> statement-breakpoint
ALTER TABLE `pending_hires` ADD `closed_reason` text;
--> statement-breakpoint
ALTER TABLE `pending_hires` ADD `closed_at` text;
--> statement-breakpoint
ALTER TABLE `pending_hires` ADD `closed_by_user_id` integer REFERENCES `users`(`id`);
--> statement-breakpoint
-- Matched or closed, never both; a closed line stays closed.
CREATE TRIGGER `pending_hires_closed_or_matched` BEFORE UPDATE ON `pending_hires`
WHEN NEW.`closed_as` IS NOT NULL AND NEW.`placement_id` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a pending hire is matched or closed, not both');
END;
--> statement-breakpoint
CREATE TRIGGER `pending_hires_closed_frozen` BEFORE UPDATE ON `pending_hires`
WHEN OLD.`closed_as` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a closed pending hire does not change');
END;
