-- Web import jobs and their rejected-rows reports live in the database (issue 15, "Nothing is lost
-- on restart"): see src/jobs/import-jobs.ts and docs/decisions/2026-12-01-import-jobs.md.
CREATE TABLE `import_jobs` (
	`id` integer PRIMARY KEY NOT NULL,
	`public_id` text NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`upload_path` text,
	`status` text DEFAULT 'running' NOT NULL,
	`rows_done` integer DEFAULT 0 NOT NULL,
	`rows_total` integer,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`headers` text,
	`unknown_columns` text,
	`message` text,
	`started_at` text NOT NULL,
	`finished_at` text,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "import_jobs_status_check" CHECK("import_jobs"."status" IN ('running', 'done', 'failed', 'interrupted')),
	CONSTRAINT "import_jobs_kind_check" CHECK("import_jobs"."kind" IN ('regions', 'employers', 'postings', 'workers', 'placements'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_jobs_public_id_unique` ON `import_jobs` (`public_id`);--> statement-breakpoint
CREATE INDEX `import_jobs_status_idx` ON `import_jobs` (`status`);--> statement-breakpoint
CREATE INDEX `import_jobs_expires_idx` ON `import_jobs` (`expires_at`);--> statement-breakpoint
CREATE TABLE `import_job_rejections` (
	`id` integer PRIMARY KEY NOT NULL,
	`job_id` integer NOT NULL,
	`row_number` integer NOT NULL,
	`column` text NOT NULL,
	`reason` text NOT NULL,
	`cells` text NOT NULL,
	FOREIGN KEY (`job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_job_rejections_job_idx` ON `import_job_rejections` (`job_id`,`row_number`);
