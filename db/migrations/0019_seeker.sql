-- Issue 10, seeker: an application made without an account gets a receipt code (报名回执号), shown
-- once after applying. Only a keyed hash of phone + code is stored (src/security/application-receipt.ts),
-- so a copied database file does not give the codes away; the unique index finds the one application
-- a phone + code pair names, and a NULL (applications from before, or made by staff) matches nothing.
ALTER TABLE `applications` ADD `receipt_hash` text;
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_receipt_hash_unique` ON `applications` (`receipt_hash`) WHERE `receipt_hash` IS NOT NULL;
