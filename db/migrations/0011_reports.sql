-- Management decisions (seed 002 item 26) and the generated reports a region or a municipality keeps.
CREATE TABLE "management_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"region_id" uuid REFERENCES "organisations"("id"),
	"municipality_id" uuid REFERENCES "organisations"("id"),
	"decided_on" date NOT NULL,
	"title" text NOT NULL,
	"document" text DEFAULT '' NOT NULL,
	"responsible" text DEFAULT '' NOT NULL,
	"due_date" date,
	"finding" text DEFAULT '' NOT NULL,
	"finding_school_id" uuid REFERENCES "organisations"("id"),
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "management_decisions_due" CHECK ("due_date" IS NULL OR "due_date" >= "decided_on")
);
--> statement-breakpoint
CREATE INDEX "management_decisions_scope_idx" ON "management_decisions" ("region_id", "municipality_id", "decided_on");
--> statement-breakpoint
CREATE TABLE "management_decision_organisations" (
	"decision_id" uuid NOT NULL REFERENCES "management_decisions"("id") ON DELETE CASCADE,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	CONSTRAINT "management_decision_organisations_pk" PRIMARY KEY ("decision_id", "organisation_id")
);
--> statement-breakpoint
CREATE TABLE "management_decision_items" (
	"decision_id" uuid NOT NULL REFERENCES "management_decisions"("id") ON DELETE CASCADE,
	"item_id" uuid NOT NULL REFERENCES "roadmap_items"("id"),
	CONSTRAINT "management_decision_items_pk" PRIMARY KEY ("decision_id", "item_id")
);
--> statement-breakpoint
CREATE INDEX "management_decision_items_item_idx" ON "management_decision_items" ("item_id");
--> statement-breakpoint
CREATE TABLE "generated_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"organisation_id" uuid REFERENCES "organisations"("id"),
	"roadmap_id" uuid REFERENCES "roadmaps"("id"),
	"region_id" uuid REFERENCES "organisations"("id"),
	"municipality_id" uuid REFERENCES "organisations"("id"),
	"school_id" uuid REFERENCES "organisations"("id"),
	"year" integer,
	"on_date" date NOT NULL,
	"parameters" jsonb NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"stage" text DEFAULT '' NOT NULL,
	"error" text,
	"file_name" text,
	"mime_type" text,
	"size_bytes" integer,
	"digest" text,
	"requested_by" uuid REFERENCES "users"("id"),
	"requested_by_name" text NOT NULL,
	"requested_by_role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "generated_reports_status" CHECK ("status" IN ('queued', 'running', 'done', 'failed')),
	CONSTRAINT "generated_reports_progress" CHECK ("progress" BETWEEN 0 AND 100),
	CONSTRAINT "generated_reports_done" CHECK ("status" <> 'done' OR ("digest" IS NOT NULL AND "file_name" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX "generated_reports_queue_idx" ON "generated_reports" ("status", "created_at");
--> statement-breakpoint
CREATE INDEX "generated_reports_scope_idx" ON "generated_reports" ("region_id", "municipality_id", "created_at");
--> statement-breakpoint
-- The file's bytes, apart from the row the list reads; written with the row's «done» in one transaction.
CREATE TABLE "generated_report_files" (
	"report_id" uuid PRIMARY KEY NOT NULL REFERENCES "generated_reports"("id") ON DELETE CASCADE,
	"bytes" bytea NOT NULL
);
--> statement-breakpoint
ALTER TABLE "generated_report_files" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
