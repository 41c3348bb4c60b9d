-- The statistics' change log (src/use-cases/statistics.ts): one row for every bump of the registry
-- version (migrations 0005 and 0011), written by triggers on the same events, naming the table
-- and the row that changed (for postings also the employers whose open headcount it touches). The
-- statistics service reads the rows after its snapshot's last one and patches the snapshot instead
-- of reloading it whole; it checks that the log holds as many rows as the version rose, so a bump
-- without a log row (a trigger added later without its twin here) falls back to a full reload.
-- Rows already applied by the snapshot kept on disk are deleted by the service.
-- See docs/decisions/2026-12-02-incremental-statistics.md.
CREATE TABLE `stats_changes` (
  `id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  `tbl` text NOT NULL,
  `row_id` integer NOT NULL,
  `ref_old` integer,
  `ref_new` integer
);
--> statement-breakpoint
CREATE TRIGGER `towns_insert_stats_changes` AFTER INSERT ON `towns`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('towns', NEW.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `towns_update_stats_changes` AFTER UPDATE OF `name` ON `towns`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('towns', NEW.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `towns_delete_stats_changes` AFTER DELETE ON `towns`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('towns', OLD.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `villages_insert_stats_changes` AFTER INSERT ON `villages`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('villages', NEW.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `villages_update_stats_changes` AFTER UPDATE OF `town_id`, `name` ON `villages`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('villages', NEW.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `villages_delete_stats_changes` AFTER DELETE ON `villages`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('villages', OLD.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `households_insert_stats_changes` AFTER INSERT ON `households`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('households', NEW.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `households_update_stats_changes` AFTER UPDATE OF `code`, `category`, `village_id` ON `households`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('households', NEW.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `households_delete_stats_changes` AFTER DELETE ON `households`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('households', OLD.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `workers_insert_stats_changes` AFTER INSERT ON `workers`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('workers', NEW.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `workers_update_stats_changes` AFTER UPDATE OF `household_id`, `village_id`, `birth_date`, `labour_ability`, `willing_to_work` ON `workers`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('workers', NEW.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `workers_delete_stats_changes` AFTER DELETE ON `workers`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('workers', OLD.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `employers_insert_stats_changes` AFTER INSERT ON `employers`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('employers', NEW.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `employers_update_stats_changes` AFTER UPDATE OF `code`, `name`, `type`, `town_id` ON `employers`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('employers', NEW.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `employers_delete_stats_changes` AFTER DELETE ON `employers`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('employers', OLD.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `postings_insert_stats_changes` AFTER INSERT ON `postings`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('postings', NEW.`id`, NULL, NEW.`employer_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `postings_update_stats_changes` AFTER UPDATE OF `employer_id`, `headcount`, `status` ON `postings`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('postings', NEW.`id`, OLD.`employer_id`, NEW.`employer_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `postings_delete_stats_changes` AFTER DELETE ON `postings`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('postings', OLD.`id`, OLD.`employer_id`, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `placements_insert_stats_changes` AFTER INSERT ON `placements`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('placements', NEW.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `placements_update_stats_changes` AFTER UPDATE OF `worker_id`, `employer_id`, `employment_form`, `start_date`, `end_date` ON `placements`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('placements', NEW.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `placements_delete_stats_changes` AFTER DELETE ON `placements`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('placements', OLD.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `placements_confirmation_stats_changes` AFTER UPDATE OF `needs_confirmation` ON `placements`
BEGIN
  INSERT INTO `stats_changes` (`tbl`, `row_id`, `ref_old`, `ref_new`) VALUES ('placements', NEW.`id`, NULL, NULL);
END;
