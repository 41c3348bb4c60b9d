-- The ledger, fourth pass (docs/decisions/2026-12-02-subsidy-ledger-write.md): a compute writes
-- 100,000 lines at a time, and every row pays one B-tree insert per index. subsidy_lines_policy_period_idx
-- (policy_id, period, status) is a prefix of subsidy_lines_totals_idx (policy_id, period, status,
-- amount_fen, migration 0017): every lookup it served, the longer index serves with the same
-- columns in the same order, so it is dropped. The unique indexes and every trigger stay.
DROP INDEX `subsidy_lines_policy_period_idx`;
