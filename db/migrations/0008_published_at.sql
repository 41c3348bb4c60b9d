-- One format for postings.published_at: the Beijing date (YYYY-MM-DD) a posting last started
-- recruiting, as the import, the demo county and the API's `published_at` already had it.
-- Postings a manager published (or reopened) before were stamped with a UTC timestamp; each
-- becomes its Beijing date. See docs/decisions/2026-12-01-one-write-path.md.
UPDATE `postings` SET `published_at` = date(`published_at`, '+8 hours') WHERE length(`published_at`) > 10;
