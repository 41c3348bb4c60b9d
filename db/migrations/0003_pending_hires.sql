CREATE TABLE `pending_hires` (
	`id` integer PRIMARY KEY NOT NULL,
	`employer_id` integer NOT NULL,
	`posting_id` integer,
	`application_id` integer,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`end_reason` text,
	`monthly_income` integer,
	`placement_id` integer,
	`created_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posting_id`) REFERENCES `postings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pending_hires_phone_check" CHECK(length("pending_hires"."phone") = 11),
	CONSTRAINT "pending_hires_dates_check" CHECK("pending_hires"."end_date" IS NULL OR "pending_hires"."end_date" >= "pending_hires"."start_date"),
	CONSTRAINT "pending_hires_income_check" CHECK("pending_hires"."monthly_income" IS NULL OR "pending_hires"."monthly_income" >= 0)
);
--> statement-breakpoint
CREATE INDEX `pending_hires_employer_idx` ON `pending_hires` (`employer_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `pending_hires_posting_idx` ON `pending_hires` (`posting_id`);