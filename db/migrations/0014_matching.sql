-- Matching (issue 13). See docs/decisions/2026-12-01-matching.md.
-- 1. The open postings' version for the matcher's in-memory index (src/use-cases/recommendations.ts):
--    one row, bumped by triggers on every change of what the matcher reads of postings, employers
--    and villages, so the index sees a change with one primary-key read. Not in db/schema.ts:
--    only raw SQL in db/queries/recommend.ts reads it.
CREATE TABLE `matching_version` (
  `id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
  `version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `matching_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `postings_insert_matching_version` AFTER INSERT ON `postings`
BEGIN
  UPDATE `matching_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `postings_update_matching_version` AFTER UPDATE ON `postings`
BEGIN
  UPDATE `matching_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `postings_delete_matching_version` AFTER DELETE ON `postings`
BEGIN
  UPDATE `matching_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `employers_update_matching_version` AFTER UPDATE OF `name`, `town_id`, `village_id`, `lat`, `lng` ON `employers`
BEGIN
  UPDATE `matching_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `villages_update_matching_version` AFTER UPDATE OF `town_id`, `lat`, `lng` ON `villages`
BEGIN
  UPDATE `matching_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
-- 2. Applying on a worker's behalf (代办): how and when the worker agreed. Set only on an
--    application a cadre made for a registry worker; both or neither.
ALTER TABLE `applications` ADD `consent_method` text CHECK (`consent_method` IS NULL OR `consent_method` IN ('当面', '电话', '书面'));
--> statement-breakpoint
ALTER TABLE `applications` ADD `consent_date` text;
--> statement-breakpoint
-- 3. A manager asking a town to refer suitable registry people to a posting (the cadre's worklist).
CREATE TABLE `referral_requests` (
  `id` integer PRIMARY KEY NOT NULL,
  `posting_id` integer NOT NULL REFERENCES `postings`(`id`),
  `town_id` integer NOT NULL REFERENCES `towns`(`id`),
  `requested_by_user_id` integer REFERENCES `users`(`id`),
  `note` text,
  `status` text DEFAULT 'open' NOT NULL CHECK (`status` IN ('open', 'done')),
  `requested_date` text NOT NULL,
  `done_date` text,
  `created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `referral_requests_town_idx` ON `referral_requests` (`town_id`, `status`);
--> statement-breakpoint
CREATE UNIQUE INDEX `referral_requests_open_unique` ON `referral_requests` (`posting_id`, `town_id`) WHERE `status` = 'open';
