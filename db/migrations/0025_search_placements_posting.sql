-- The openings of a posting (还需 N 人, db/queries/jobs.ts) count its current placements: without
-- an index on placements.posting_id each posting read for the search index scanned every
-- placement (a reindex of 100k postings spent most of its own time there, issue 11). See
-- docs/decisions/2026-12-02-reindex-speed.md.
CREATE INDEX `placements_posting_idx` ON `placements` (`posting_id`);
