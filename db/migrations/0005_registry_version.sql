-- The registry's version for the statistics snapshot (src/use-cases/statistics.ts): one row,
-- bumped by a trigger on every insert, update or delete of a table the statistics read, so the
-- service sees a change with one primary-key read (updates only of the columns it reads). Not in db/schema.ts: only raw SQL in
-- db/queries/stats-snapshot.ts reads it. See docs/decisions/2026-11-23-statistics-snapshot.md.
CREATE TABLE `registry_version` (
  `id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
  `version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `registry_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `towns_insert_registry_version` AFTER INSERT ON `towns`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `towns_update_registry_version` AFTER UPDATE OF `name` ON `towns`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `towns_delete_registry_version` AFTER DELETE ON `towns`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `villages_insert_registry_version` AFTER INSERT ON `villages`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `villages_update_registry_version` AFTER UPDATE OF `town_id`, `name` ON `villages`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `villages_delete_registry_version` AFTER DELETE ON `villages`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `households_insert_registry_version` AFTER INSERT ON `households`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `households_update_registry_version` AFTER UPDATE OF `code`, `category`, `village_id` ON `households`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `households_delete_registry_version` AFTER DELETE ON `households`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workers_insert_registry_version` AFTER INSERT ON `workers`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workers_update_registry_version` AFTER UPDATE OF `household_id`, `village_id`, `birth_date`, `labour_ability`, `willing_to_work` ON `workers`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workers_delete_registry_version` AFTER DELETE ON `workers`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `employers_insert_registry_version` AFTER INSERT ON `employers`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `employers_update_registry_version` AFTER UPDATE OF `code`, `name`, `type`, `town_id` ON `employers`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `employers_delete_registry_version` AFTER DELETE ON `employers`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `postings_insert_registry_version` AFTER INSERT ON `postings`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `postings_update_registry_version` AFTER UPDATE OF `employer_id`, `headcount`, `status` ON `postings`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `postings_delete_registry_version` AFTER DELETE ON `postings`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `placements_insert_registry_version` AFTER INSERT ON `placements`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `placements_update_registry_version` AFTER UPDATE OF `worker_id`, `employer_id`, `employment_form`, `start_date`, `end_date` ON `placements`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `placements_delete_registry_version` AFTER DELETE ON `placements`
BEGIN
  UPDATE `registry_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
