CREATE TABLE "assessment_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"region_id" uuid,
	"municipality_id" uuid,
	"year" integer NOT NULL,
	"exam" text NOT NULL,
	"subject" text NOT NULL,
	"grade" integer DEFAULT 0 NOT NULL,
	"participants" integer NOT NULL,
	"mean_score" real,
	"max_score" real,
	"below_minimum" integer,
	"marks_2" integer,
	"marks_3" integer,
	"marks_4" integer,
	"marks_5" integer,
	"high_scorers" integer,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classification_results" (
	"run_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"municipality_id" uuid,
	"category" text NOT NULL,
	"low_results" text NOT NULL,
	"stable_low_results" text NOT NULL,
	"unfavourable" text NOT NULL,
	"cluster" integer,
	"social_index" real,
	"explanation" jsonb NOT NULL,
	CONSTRAINT "classification_results_run_id_school_id_pk" PRIMARY KEY("run_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "classification_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid,
	"municipality_id" uuid,
	"year" integer NOT NULL,
	"methodology_id" uuid NOT NULL,
	"input_digest" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"summary" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "methodologies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"version_number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"params" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"activated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_contexts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"region_id" uuid,
	"municipality_id" uuid,
	"year" integer NOT NULL,
	"pupils" integer,
	"continuation_share_9_to_10" real,
	"olympiad_participants" integer,
	"share_ovz" real,
	"share_low_income" real,
	"share_parents_higher_ed" real,
	"share_non_native_russian" real,
	"distance_km" real,
	"rural" boolean,
	"teacher_vacancy_share" real,
	"share_teachers_under_35" real,
	"share_teachers_60_plus" real,
	"internet_mbps" real,
	"has_psychologist" boolean,
	"has_speech_therapist" boolean,
	"has_social_pedagogue" boolean,
	"facilities_condition" integer,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"url" text,
	"file_name" text,
	"stored_name" text,
	"mime_type" text,
	"size_bytes" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roadmap_evidence_stored_name_unique" UNIQUE("stored_name"),
	CONSTRAINT "roadmap_evidence_shape" CHECK (("roadmap_evidence"."kind" = 'link' AND "roadmap_evidence"."url" IS NOT NULL) OR ("roadmap_evidence"."kind" = 'file' AND "roadmap_evidence"."stored_name" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "roadmap_item_responsibles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"organisation_id" uuid,
	"user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "roadmap_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"number" text,
	"activity" text NOT NULL,
	"deadline_text" text DEFAULT '' NOT NULL,
	"deadline_kind" text DEFAULT 'none' NOT NULL,
	"period_start" date,
	"period_end" date,
	"recurring_yearly" boolean DEFAULT false NOT NULL,
	"can_be_overdue" boolean DEFAULT false NOT NULL,
	"period_overridden" boolean DEFAULT false NOT NULL,
	"responsible_text" text DEFAULT '' NOT NULL,
	"planned_result" text DEFAULT '' NOT NULL,
	"expected_document" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"import_key" text,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roadmap_items_period" CHECK ("roadmap_items"."period_start" IS NULL OR "roadmap_items"."period_end" IS NULL OR "roadmap_items"."period_start" <= "roadmap_items"."period_end")
);
--> statement-breakpoint
CREATE TABLE "roadmap_progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_review_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"item_id" uuid,
	"kind" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"number" text,
	"title" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"level" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"region_id" uuid,
	"municipality_id" uuid,
	"school_id" uuid,
	"title" text NOT NULL,
	"period_start_year" integer NOT NULL,
	"period_end_year" integer NOT NULL,
	"approval_document" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"external_key" text,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roadmaps_external_key_unique" UNIQUE("external_key"),
	CONSTRAINT "roadmaps_period" CHECK ("roadmaps"."period_start_year" <= "roadmaps"."period_end_year" AND "roadmaps"."period_start_year" BETWEEN 2000 AND 2100 AND "roadmaps"."period_end_year" <= 2100)
);
--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_results" ADD CONSTRAINT "classification_results_run_id_classification_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."classification_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_results" ADD CONSTRAINT "classification_results_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_runs" ADD CONSTRAINT "classification_runs_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_runs" ADD CONSTRAINT "classification_runs_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_runs" ADD CONSTRAINT "classification_runs_methodology_id_methodologies_id_fk" FOREIGN KEY ("methodology_id") REFERENCES "public"."methodologies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_runs" ADD CONSTRAINT "classification_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "methodologies" ADD CONSTRAINT "methodologies_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "methodologies" ADD CONSTRAINT "methodologies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_contexts" ADD CONSTRAINT "school_contexts_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_contexts" ADD CONSTRAINT "school_contexts_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_contexts" ADD CONSTRAINT "school_contexts_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_evidence" ADD CONSTRAINT "roadmap_evidence_report_id_roadmap_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."roadmap_progress_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_item_responsibles" ADD CONSTRAINT "roadmap_item_responsibles_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_item_responsibles" ADD CONSTRAINT "roadmap_item_responsibles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_item_responsibles" ADD CONSTRAINT "roadmap_item_responsibles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_section_id_roadmap_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."roadmap_sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_progress_reports" ADD CONSTRAINT "roadmap_progress_reports_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_progress_reports" ADD CONSTRAINT "roadmap_progress_reports_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_progress_reports" ADD CONSTRAINT "roadmap_progress_reports_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_review_events" ADD CONSTRAINT "roadmap_review_events_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_review_events" ADD CONSTRAINT "roadmap_review_events_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_review_events" ADD CONSTRAINT "roadmap_review_events_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_sections" ADD CONSTRAINT "roadmap_sections_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_results_key" ON "assessment_results" USING btree ("school_id","year","exam","subject","grade");--> statement-breakpoint
CREATE INDEX "assessment_results_municipality_year_idx" ON "assessment_results" USING btree ("municipality_id","year");--> statement-breakpoint
CREATE INDEX "classification_results_category_idx" ON "classification_results" USING btree ("run_id","category");--> statement-breakpoint
CREATE INDEX "classification_runs_scope_idx" ON "classification_runs" USING btree ("region_id","municipality_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "methodologies_region_version" ON "methodologies" USING btree ("region_id","version_number");--> statement-breakpoint
CREATE UNIQUE INDEX "school_contexts_key" ON "school_contexts" USING btree ("school_id","year");--> statement-breakpoint
CREATE INDEX "school_contexts_municipality_year_idx" ON "school_contexts" USING btree ("municipality_id","year");--> statement-breakpoint
CREATE INDEX "roadmap_evidence_report_idx" ON "roadmap_evidence" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "roadmap_item_responsibles_item_idx" ON "roadmap_item_responsibles" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "roadmap_items_roadmap_idx" ON "roadmap_items" USING btree ("roadmap_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "roadmap_items_import_key_idx" ON "roadmap_items" USING btree ("roadmap_id","import_key");--> statement-breakpoint
CREATE INDEX "roadmap_progress_item_idx" ON "roadmap_progress_reports" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "roadmap_review_roadmap_idx" ON "roadmap_review_events" USING btree ("roadmap_id","created_at");--> statement-breakpoint
CREATE INDEX "roadmap_sections_roadmap_idx" ON "roadmap_sections" USING btree ("roadmap_id","position");--> statement-breakpoint
CREATE INDEX "roadmaps_owner_idx" ON "roadmaps" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE INDEX "roadmaps_municipality_idx" ON "roadmaps" USING btree ("municipality_id");