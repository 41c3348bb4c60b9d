ALTER TABLE `applications` ADD `applicant_user_id` integer REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `applications_applicant_user_idx` ON `applications` (`applicant_user_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `password_changed_at` text;--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_user_id`,`created_at`);