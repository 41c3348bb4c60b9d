-- Data integrity (issue 10; docs/decisions/2026-12-01-hire-confirmation.md and
-- 2026-12-01-applicant-linking.md). Why a hire waits for the bureau's confirmation is kept on the
-- row; a placement waiting for confirmation does not count in the figures, so confirming one
-- changes the registry version the statistics snapshot reloads on.
ALTER TABLE `placements` ADD `confirmation_reason` text;
--> statement-breakpoint
ALTER TABLE `pending_hires` ADD `confirmation_reason` text;
--> statement-breakpoint
-- Placements marked before this migration were phone matches the bureau had yet to confirm.
UPDATE `placements` SET `confirmation_reason` = 'identity' WHERE `needs_confirmation` = 1;
--> statement-breakpoint
CREATE TRIGGER `placements_confirmation_registry_version` AFTER UPDATE OF `needs_confirmation` ON `placements`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
-- Who confirmed a link between an application and a registry worker (null: matched on name and phone).
ALTER TABLE `applications` ADD `worker_linked_by_user_id` integer REFERENCES `users`(`id`);
--> statement-breakpoint
-- Applications tied to a registry worker by phone alone: the applicant's name differs from the
-- worker's. Such a link is not one the bureau would accept; the applicant becomes unlinked.
UPDATE `applications` SET `worker_id` = NULL
WHERE `worker_id` IS NOT NULL
  AND replace(`applicant_name`, ' ', '') <> (SELECT replace(`name`, ' ', '') FROM `workers` WHERE `workers`.`id` = `applications`.`worker_id`);
