-- The ledger, third pass (docs/decisions/2026-12-02-subsidy-facts-signature.md): each line keeps,
-- beside its snapshot, the compact text of what a recompute compares — its placements (id,
-- employer, dates, province) and counted months, `factsSignature` of src/core/subsidies/reconcile.ts
-- — so computing again reads one short value per line instead of parsing every snapshot.
-- NULL for lines written before (and for reversals): the compute then derives it from the
-- snapshot, as it always did. Like the snapshot, it never changes once written.
ALTER TABLE `subsidy_lines` ADD `facts_signature` text;
--> statement-breakpoint
CREATE TRIGGER `subsidy_lines_signature_frozen` BEFORE UPDATE OF `facts_signature` ON `subsidy_lines`
WHEN NEW.`facts_signature` IS NOT OLD.`facts_signature`
BEGIN
  SELECT RAISE(ABORT, 'a subsidy line keeps its key, amount and facts');
END;
