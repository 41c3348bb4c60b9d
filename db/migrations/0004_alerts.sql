CREATE TABLE `alert_notes` (
	`id` integer PRIMARY KEY NOT NULL,
	`alert_id` integer NOT NULL,
	`author_user_id` integer,
	`author_label` text NOT NULL,
	`note_date` text NOT NULL,
	`note` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`alert_id`) REFERENCES `alerts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alert_notes_alert_idx` ON `alert_notes` (`alert_id`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY NOT NULL,
	`household_id` integer NOT NULL,
	`town_id` integer NOT NULL,
	`kind` text NOT NULL,
	`detail` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`assigned_user_id` integer,
	`raised_date` text NOT NULL,
	`acted_date` text,
	`closed_date` text,
	`outcome` text,
	`outcome_note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_id`) REFERENCES `towns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "alerts_kind_check" CHECK("alerts"."kind" IN ('zero-employment', 'low-income')),
	CONSTRAINT "alerts_status_check" CHECK("alerts"."status" IN ('open', 'closed')),
	CONSTRAINT "alerts_outcome_check" CHECK("alerts"."outcome" IS NULL OR "alerts"."outcome" IN ('已就业', '已落实其他帮扶', '收入已恢复', '核实无风险', '其他')),
	CONSTRAINT "alerts_closed_check" CHECK(("alerts"."status" = 'open' AND "alerts"."closed_date" IS NULL) OR ("alerts"."status" = 'closed' AND "alerts"."closed_date" IS NOT NULL AND "alerts"."outcome" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `alerts_town_status_idx` ON `alerts` (`town_id`,`status`);--> statement-breakpoint
CREATE INDEX `alerts_household_idx` ON `alerts` (`household_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_open_unique` ON `alerts` (`household_id`,`kind`) WHERE "alerts"."status" = 'open';