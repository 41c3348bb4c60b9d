-- Versions of what the server keeps in memory (issue 11): one row per cache, bumped by triggers
-- on every insert, update or delete of the tables it is made of, so a process sees any change —
-- its own, another transaction's or another process's (an import beside the server) — with one
-- primary-key read. 'regions': towns and villages (the village chooser, the town filter).
-- 'postings': postings, employers, towns and villages (the reduced mode's filter facts).
-- See docs/decisions/2026-12-01-rarely-changing-caches.md.
CREATE TABLE `cache_versions` (
  `name` text PRIMARY KEY NOT NULL,
  `version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `cache_versions` (`name`, `version`) VALUES ('regions', 0), ('postings', 0);
--> statement-breakpoint
CREATE TRIGGER `towns_insert_cache_versions` AFTER INSERT ON `towns`
BEGIN
  UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `name` IN ('regions', 'postings');
END;
--> statement-breakpoint
CREATE TRIGGER `towns_update_cache_versions` AFTER UPDATE ON `towns`
BEGIN
  UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `name` IN ('regions', 'postings');
END;
--> statement-breakpoint
CREATE TRIGGER `towns_delete_cache_versions` AFTER DELETE ON `towns`
BEGIN
  UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `name` IN ('regions', 'postings');
END;
--> statement-breakpoint
CREATE TRIGGER `villages_insert_cache_versions` AFTER INSERT ON `villages`
BEGIN
  UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `name` IN ('regions', 'postings');
END;
--> statement-breakpoint
CREATE TRIGGER `villages_update_cache_versions` AFTER UPDATE ON `villages`
BEGIN
  UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `name` IN ('regions', 'postings');
END;
--> statement-breakpoint
CREATE TRIGGER `villages_delete_cache_versions` AFTER DELETE ON `villages`
BEGIN
  UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `name` IN ('regions', 'postings');
END;
--> statement-breakpoint
CREATE TRIGGER `employers_insert_cache_versions` AFTER INSERT ON `employers`
BEGIN
  UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `name` = 'postings';
END;
--> statement-breakpoint
CREATE TRIGGER `employers_update_cache_versions` AFTER UPDATE ON `employers`
BEGIN
  UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `name` = 'postings';
END;
--> statement-breakpoint
CREATE TRIGGER `employers_delete_cache_versions` AFTER DELETE ON `employers`
BEGIN
  UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `name` = 'postings';
END;
--> statement-breakpoint
CREATE TRIGGER `postings_insert_cache_versions` AFTER INSERT ON `postings`
BEGIN
  UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `name` = 'postings';
END;
--> statement-breakpoint
CREATE TRIGGER `postings_update_cache_versions` AFTER UPDATE ON `postings`
BEGIN
  UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `name` = 'postings';
END;
--> statement-breakpoint
CREATE TRIGGER `postings_delete_cache_versions` AFTER DELETE ON `postings`
BEGIN
  UPDATE `cache_versions` SET `version` = `version` + 1 WHERE `name` = 'postings';
END;
--> statement-breakpoint
-- The reduced mode's full-text index (src/search/posting-text-index.ts): one row per posting
-- (rowid = postings.id) holding the search form of its text (core/search-text.ts, the same the
-- engine indexes) as overlapping character pairs, so that any word of one or more characters
-- is a phrase query on the index. The text is made in TypeScript (simplified/traditional
-- folding), so triggers only note which postings are stale; the reduced mode brings those
-- up to date before it answers, and the outbox worker does it in the background.
CREATE VIRTUAL TABLE `posting_search` USING fts5(`text`, tokenize = 'unicode61 remove_diacritics 0');
--> statement-breakpoint
CREATE TABLE `posting_search_stale` (
  `posting_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
INSERT INTO `posting_search_stale` (`posting_id`) SELECT `id` FROM `postings`;
--> statement-breakpoint
CREATE TRIGGER `postings_insert_posting_search` AFTER INSERT ON `postings`
BEGIN
  INSERT OR IGNORE INTO `posting_search_stale` (`posting_id`) VALUES (new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `postings_update_posting_search` AFTER UPDATE OF `title`, `description`, `skills`, `benefits`, `working_time`, `employer_id` ON `postings`
BEGIN
  INSERT OR IGNORE INTO `posting_search_stale` (`posting_id`) VALUES (new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `postings_delete_posting_search` AFTER DELETE ON `postings`
BEGIN
  DELETE FROM `posting_search` WHERE `rowid` = old.`id`;
  DELETE FROM `posting_search_stale` WHERE `posting_id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `employers_update_posting_search` AFTER UPDATE OF `name`, `type`, `town_id`, `village_id` ON `employers`
BEGIN
  INSERT OR IGNORE INTO `posting_search_stale` (`posting_id`) SELECT `id` FROM `postings` WHERE `employer_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `towns_update_posting_search` AFTER UPDATE OF `name` ON `towns`
BEGIN
  INSERT OR IGNORE INTO `posting_search_stale` (`posting_id`)
    SELECT p.`id` FROM `postings` p JOIN `employers` e ON e.`id` = p.`employer_id` WHERE e.`town_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `villages_update_posting_search` AFTER UPDATE OF `name` ON `villages`
BEGIN
  INSERT OR IGNORE INTO `posting_search_stale` (`posting_id`)
    SELECT p.`id` FROM `postings` p JOIN `employers` e ON e.`id` = p.`employer_id` WHERE e.`village_id` = new.`id`;
END;
