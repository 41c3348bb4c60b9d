CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`role` text NOT NULL,
	`town_id` integer,
	`name` text NOT NULL,
	`revoked_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`town_id`) REFERENCES `towns`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "api_tokens_role_check" CHECK("api_tokens"."role" IN ('county', 'town', 'department')),
	CONSTRAINT "api_tokens_town_check" CHECK("api_tokens"."role" <> 'town' OR "api_tokens"."town_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY NOT NULL,
	`posting_id` integer NOT NULL,
	`worker_id` integer,
	`applicant_name` text NOT NULL,
	`applicant_phone` text NOT NULL,
	`applicant_village` text,
	`note` text,
	`status` text DEFAULT '报名' NOT NULL,
	`manager_note` text,
	`created_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`posting_id`) REFERENCES `postings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "applications_status_check" CHECK("applications"."status" IN ('报名', '已联系', '已录用', '未录用', '已撤回')),
	CONSTRAINT "applications_phone_check" CHECK(length("applications"."applicant_phone") = 11)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_posting_phone_unique` ON `applications` (`posting_id`,`applicant_phone`);--> statement-breakpoint
CREATE INDEX `applications_posting_idx` ON `applications` (`posting_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `applications_worker_idx` ON `applications` (`worker_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`actor_user_id` integer,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "audit_log_action_check" CHECK("audit_log"."action" IN ('create', 'update', 'delete'))
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `employer_recognitions` (
	`id` integer PRIMARY KEY NOT NULL,
	`employer_id` integer NOT NULL,
	`status` text NOT NULL,
	`effective_date` text NOT NULL,
	`note` text,
	`by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "employer_recognitions_status_check" CHECK("employer_recognitions"."status" IN ('已认定', '未认定'))
);
--> statement-breakpoint
CREATE INDEX `employer_recognitions_employer_idx` ON `employer_recognitions` (`employer_id`);--> statement-breakpoint
CREATE TABLE `employers` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`core_factory_id` integer,
	`town_id` integer NOT NULL,
	`village_id` integer,
	`address` text,
	`lat` real,
	`lng` real,
	`contact_name` text,
	`contact_phone` text,
	`recognition` text DEFAULT '未认定' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`core_factory_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_id`) REFERENCES `towns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "employers_type_check" CHECK("employers"."type" IN ('帮扶车间', '卫星工厂', '公益性岗位', '用工企业', '专业合作社', '季节性服务队', '非正规就业组织')),
	CONSTRAINT "employers_recognition_check" CHECK("employers"."recognition" IN ('已认定', '未认定')),
	CONSTRAINT "employers_core_factory_check" CHECK("employers"."core_factory_id" IS NULL OR "employers"."type" = '卫星工厂')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employers_code_unique` ON `employers` (`code`);--> statement-breakpoint
CREATE INDEX `employers_town_idx` ON `employers` (`town_id`);--> statement-breakpoint
CREATE INDEX `employers_type_idx` ON `employers` (`type`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`category` text NOT NULL,
	`relocated` integer DEFAULT false NOT NULL,
	`size` integer,
	`village_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "households_category_check" CHECK("households"."category" IN ('脱贫户', '脱贫不稳定户', '边缘易致贫户', '突发严重困难户', '一般户')),
	CONSTRAINT "households_size_check" CHECK("households"."size" IS NULL OR "households"."size" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `households_code_unique` ON `households` (`code`);--> statement-breakpoint
CREATE INDEX `households_village_idx` ON `households` (`village_id`);--> statement-breakpoint
CREATE INDEX `households_category_idx` ON `households` (`category`);--> statement-breakpoint
CREATE TABLE `placement_revisions` (
	`id` integer PRIMARY KEY NOT NULL,
	`placement_id` integer NOT NULL,
	`previous` text NOT NULL,
	`reason` text,
	`by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `placement_revisions_placement_idx` ON `placement_revisions` (`placement_id`);--> statement-breakpoint
CREATE TABLE `placements` (
	`id` integer PRIMARY KEY NOT NULL,
	`worker_id` integer NOT NULL,
	`employer_id` integer,
	`posting_id` integer,
	`start_date` text NOT NULL,
	`end_date` text,
	`end_reason` text,
	`monthly_income` integer,
	`work_province` text,
	`work_county` text,
	`employment_form` text,
	`needs_confirmation` integer DEFAULT false NOT NULL,
	`created_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posting_id`) REFERENCES `postings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "placements_dates_check" CHECK("placements"."end_date" IS NULL OR "placements"."end_date" >= "placements"."start_date"),
	CONSTRAINT "placements_form_check" CHECK(("placements"."employer_id" IS NULL AND "placements"."employment_form" IN ('外出务工', '自主创业', '灵活就业')) OR ("placements"."employer_id" IS NOT NULL AND "placements"."employment_form" IS NULL)),
	CONSTRAINT "placements_income_check" CHECK("placements"."monthly_income" IS NULL OR "placements"."monthly_income" >= 0)
);
--> statement-breakpoint
CREATE INDEX `placements_worker_idx` ON `placements` (`worker_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `placements_employer_idx` ON `placements` (`employer_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `placements_dates_idx` ON `placements` (`start_date`,`end_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `placements_key_unique` ON `placements` (`worker_id`,`employer_id`,`start_date`);--> statement-breakpoint
CREATE TABLE `postings` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`employer_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`headcount` integer NOT NULL,
	`pay_min` integer,
	`pay_max` integer,
	`pay_unit` text DEFAULT '月' NOT NULL,
	`working_time` text DEFAULT '全天' NOT NULL,
	`age_min` integer,
	`age_max` integer,
	`physical_demand` text,
	`skills` text DEFAULT '[]' NOT NULL,
	`benefits` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT '招聘中' NOT NULL,
	`closing_date` text,
	`published_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "postings_headcount_check" CHECK("postings"."headcount" >= 1),
	CONSTRAINT "postings_pay_unit_check" CHECK("postings"."pay_unit" IN ('月', '日', '计件', '时')),
	CONSTRAINT "postings_working_time_check" CHECK("postings"."working_time" IN ('全天', '半天', '灵活')),
	CONSTRAINT "postings_status_check" CHECK("postings"."status" IN ('招聘中', '已招满', '已关闭')),
	CONSTRAINT "postings_physical_demand_check" CHECK("postings"."physical_demand" IS NULL OR "postings"."physical_demand" IN ('轻', '中', '重')),
	CONSTRAINT "postings_pay_range_check" CHECK("postings"."pay_min" IS NULL OR "postings"."pay_max" IS NULL OR "postings"."pay_min" <= "postings"."pay_max"),
	CONSTRAINT "postings_age_range_check" CHECK("postings"."age_min" IS NULL OR "postings"."age_max" IS NULL OR "postings"."age_min" <= "postings"."age_max")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `postings_code_unique` ON `postings` (`code`);--> statement-breakpoint
CREATE INDEX `postings_employer_idx` ON `postings` (`employer_id`);--> statement-breakpoint
CREATE INDEX `postings_status_idx` ON `postings` (`status`,`published_at`);--> statement-breakpoint
CREATE TABLE `search_outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "search_outbox_entity_check" CHECK("search_outbox"."entity" IN ('posting', 'employer'))
);
--> statement-breakpoint
CREATE INDEX `search_outbox_next_idx` ON `search_outbox` (`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `towns` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `towns_name_unique` ON `towns` (`name`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`login` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`employer_id` integer,
	`town_id` integer,
	`display_name` text,
	`disabled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_id`) REFERENCES `towns`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_check" CHECK("users"."role" IN ('seeker', 'manager', 'town', 'county', 'admin')),
	CONSTRAINT "users_manager_employer_check" CHECK("users"."role" <> 'manager' OR "users"."employer_id" IS NOT NULL),
	CONSTRAINT "users_town_check" CHECK("users"."role" <> 'town' OR "users"."town_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_unique` ON `users` (`login`);--> statement-breakpoint
CREATE TABLE `villages` (
	`id` integer PRIMARY KEY NOT NULL,
	`town_id` integer NOT NULL,
	`name` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	FOREIGN KEY (`town_id`) REFERENCES `towns`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "villages_lat_range" CHECK("villages"."lat" BETWEEN -90 AND 90),
	CONSTRAINT "villages_lng_range" CHECK("villages"."lng" BETWEEN -180 AND 180)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `villages_town_name_unique` ON `villages` (`town_id`,`name`);--> statement-breakpoint
CREATE TABLE `workers` (
	`id` integer PRIMARY KEY NOT NULL,
	`household_id` integer NOT NULL,
	`name` text NOT NULL,
	`id_number_hash` text NOT NULL,
	`id_number_cipher` text NOT NULL,
	`id_number_masked` text NOT NULL,
	`birth_date` text NOT NULL,
	`sex` text NOT NULL,
	`phone` text,
	`village_id` integer NOT NULL,
	`labour_ability` text NOT NULL,
	`willing_to_work` integer DEFAULT true NOT NULL,
	`skills` text DEFAULT '[]' NOT NULL,
	`preferred_area` text,
	`available_time` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "workers_sex_check" CHECK("workers"."sex" IN ('男', '女')),
	CONSTRAINT "workers_labour_ability_check" CHECK("workers"."labour_ability" IN ('有劳动能力', '弱劳动力或半劳动力', '丧失劳动能力', '无劳动能力')),
	CONSTRAINT "workers_preferred_area_check" CHECK("workers"."preferred_area" IS NULL OR "workers"."preferred_area" IN ('本村', '本乡镇', '本县', '省内', '省外', '不限')),
	CONSTRAINT "workers_available_time_check" CHECK("workers"."available_time" IS NULL OR "workers"."available_time" IN ('全天', '半天', '灵活')),
	CONSTRAINT "workers_phone_check" CHECK("workers"."phone" IS NULL OR length("workers"."phone") = 11)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workers_id_number_hash_unique` ON `workers` (`id_number_hash`);--> statement-breakpoint
CREATE INDEX `workers_household_idx` ON `workers` (`household_id`);--> statement-breakpoint
CREATE INDEX `workers_village_idx` ON `workers` (`village_id`);--> statement-breakpoint
CREATE INDEX `workers_name_idx` ON `workers` (`name`);