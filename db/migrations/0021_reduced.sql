-- What changed among the postings the reduced mode keeps in memory (issue 11): one row per
-- posting touched — its own insert, update or delete, its employer's or its town's or village's
-- update (names, type, places, points), and its search text written again (written by
-- db/queries/posting-search.ts, not by a trigger: posting_search is virtual). The reduced mode
-- reads the rows after the last one it saw and patches its index for those postings alone
-- (src/core/reduced-index.ts patchReducedIndex), instead of building it again whole; old rows are
-- pruned as text is written. See docs/decisions/2026-12-02-reduced-mode-in-memory.md.
CREATE TABLE `posting_changes` (
  `seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  `posting_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `postings_insert_posting_changes` AFTER INSERT ON `postings`
BEGIN
  INSERT INTO `posting_changes` (`posting_id`) VALUES (new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `postings_update_posting_changes` AFTER UPDATE ON `postings`
BEGIN
  INSERT INTO `posting_changes` (`posting_id`) VALUES (old.`id`);
  INSERT INTO `posting_changes` (`posting_id`) SELECT new.`id` WHERE new.`id` <> old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `postings_delete_posting_changes` AFTER DELETE ON `postings`
BEGIN
  INSERT INTO `posting_changes` (`posting_id`) VALUES (old.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `employers_update_posting_changes` AFTER UPDATE ON `employers`
BEGIN
  INSERT INTO `posting_changes` (`posting_id`) SELECT `id` FROM `postings` WHERE `employer_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `towns_update_posting_changes` AFTER UPDATE ON `towns`
BEGIN
  INSERT INTO `posting_changes` (`posting_id`)
    SELECT p.`id` FROM `postings` p JOIN `employers` e ON e.`id` = p.`employer_id` WHERE e.`town_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `villages_update_posting_changes` AFTER UPDATE ON `villages`
BEGIN
  INSERT INTO `posting_changes` (`posting_id`)
    SELECT p.`id` FROM `postings` p JOIN `employers` e ON e.`id` = p.`employer_id` WHERE e.`village_id` = new.`id`;
END;
