-- Settings are data (src/core/settings.ts, src/use-cases/settings.ts): one row per setting, with the
-- environment's default as the server last started with it, and the admin's override (NULL: the
-- default applies). Every change of `value` is audited in the same transaction.
CREATE TABLE `settings` (
  `key` text PRIMARY KEY NOT NULL,
  `default_value` text NOT NULL,
  `value` text,
  `updated_at` text,
  `updated_by_user_id` integer REFERENCES `users`(`id`)
);
--> statement-breakpoint
-- Failed sign-ins, per account and per client address (src/security/login-throttle.ts), so a
-- restart does not reset the throttle. Keys are SHA-256 hashes (a mistyped login may be a phone
-- number or a password); rows older than the window are deleted as new failures come in.
CREATE TABLE `login_failures` (
  `id` integer PRIMARY KEY NOT NULL,
  `scope` text NOT NULL,
  `key_hash` text NOT NULL,
  `at_ms` integer NOT NULL,
  CONSTRAINT "login_failures_scope_check" CHECK("login_failures"."scope" IN ('account', 'address'))
);
--> statement-breakpoint
CREATE INDEX `login_failures_key_idx` ON `login_failures` (`scope`, `key_hash`, `at_ms`);
--> statement-breakpoint
CREATE INDEX `login_failures_at_idx` ON `login_failures` (`at_ms`);
