-- Practice bank: practices with their versions, authors, attachments, expert reviews with scores per configured
-- criterion, decisions, adoptions by other schools and links to road-map items and indicators. Search: a weighted
-- Russian tsvector (title > summary > body, «ё» read as «е») with a GIN index, and trigrams on the title for typos.
CREATE TABLE "practices" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "region_id" uuid NOT NULL REFERENCES "organisations"("id"),
  "municipality_id" uuid REFERENCES "organisations"("id"),
  "school_id" uuid NOT NULL REFERENCES "organisations"("id"),
  "title" text NOT NULL,
  "summary" text NOT NULL,
  "problem" text NOT NULL DEFAULT '',
  "risk_factors" text[] NOT NULL DEFAULT '{}'::text[],
  "settlement" text,
  "pupils" integer,
  "social_cluster" integer,
  "grades" text NOT NULL DEFAULT '',
  "subjects" text[] NOT NULL DEFAULT '{}'::text[],
  "body" text NOT NULL DEFAULT '',
  "resources" text NOT NULL DEFAULT '',
  "cost_band" text NOT NULL DEFAULT 'none',
  "claimed_results" text NOT NULL DEFAULT '',
  "tags" text[] NOT NULL DEFAULT '{}'::text[],
  "started_on" date,
  "evidence_level" text,
  "evidence_reason" text,
  "status" text NOT NULL DEFAULT 'draft',
  "revision" integer NOT NULL DEFAULT 1,
  "published_version" integer,
  "published_at" timestamp with time zone,
  "external_key" text UNIQUE,
  "version" integer NOT NULL DEFAULT 1,
  "created_at" timestamp with time zone NOT NULL DEFAULT now(),
  "updated_at" timestamp with time zone NOT NULL DEFAULT now(),
  "title_key" text GENERATED ALWAYS AS (lower(translate("title", 'ёЁ', 'еЕ'))) STORED,
  "search" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian'::regconfig, translate("title", 'ёЁ', 'еЕ')), 'A') ||
    setweight(to_tsvector('russian'::regconfig, translate("summary", 'ёЁ', 'еЕ')), 'B') ||
    setweight(to_tsvector('russian'::regconfig, translate("problem" || ' ' || "body" || ' ' || "claimed_results", 'ёЁ', 'еЕ')), 'C')
  ) STORED,
  CONSTRAINT "practices_status" CHECK ("status" IN ('draft', 'submitted', 'under_review', 'accepted', 'returned', 'rejected', 'published', 'archived')),
  CONSTRAINT "practices_cost_band" CHECK ("cost_band" IN ('none', 'low', 'moderate', 'significant')),
  CONSTRAINT "practices_evidence_level" CHECK ("evidence_level" IS NULL OR "evidence_level" IN ('experience', 'before_after', 'comparison', 'replicated')),
  CONSTRAINT "practices_settlement" CHECK ("settlement" IS NULL OR "settlement" IN ('urban', 'rural'))
);
--> statement-breakpoint
CREATE INDEX "practices_search_idx" ON "practices" USING gin ("search");
--> statement-breakpoint
CREATE INDEX "practices_title_trgm_idx" ON "practices" USING gin ("title_key" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "practices_risk_factors_idx" ON "practices" USING gin ("risk_factors");
--> statement-breakpoint
CREATE INDEX "practices_region_status_idx" ON "practices" ("region_id", "status");
--> statement-breakpoint
CREATE INDEX "practices_school_idx" ON "practices" ("school_id");
--> statement-breakpoint

-- Every saved version of a practice (its fields as a snapshot); the published one stays readable while a new
-- version is reviewed.
CREATE TABLE "practice_versions" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "practice_id" uuid NOT NULL REFERENCES "practices"("id"),
  "number" integer NOT NULL,
  "snapshot" jsonb NOT NULL,
  "author_name" text NOT NULL,
  "created_at" timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT "practice_versions_number" UNIQUE ("practice_id", "number")
);
--> statement-breakpoint

CREATE TABLE "practice_authors" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "practice_id" uuid NOT NULL REFERENCES "practices"("id"),
  "position" integer NOT NULL,
  "name" text NOT NULL,
  "role" text NOT NULL DEFAULT '',
  "consent_public" boolean NOT NULL DEFAULT false
);
--> statement-breakpoint
CREATE INDEX "practice_authors_practice_idx" ON "practice_authors" ("practice_id", "position");
--> statement-breakpoint

CREATE TABLE "practice_attachments" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "practice_id" uuid NOT NULL REFERENCES "practices"("id"),
  "file_name" text NOT NULL,
  "mime_type" text NOT NULL,
  "size_bytes" bigint NOT NULL,
  "author_name" text NOT NULL,
  "created_at" timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX "practice_attachments_practice_idx" ON "practice_attachments" ("practice_id");
--> statement-breakpoint

-- The bytes of an attachment, written in the same transaction as its row (like road-map evidence files).
CREATE TABLE "practice_attachment_files" (
  "attachment_id" uuid PRIMARY KEY NOT NULL REFERENCES "practice_attachments"("id") ON DELETE CASCADE,
  "bytes" bytea NOT NULL
);
--> statement-breakpoint
ALTER TABLE "practice_attachment_files" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
--> statement-breakpoint

-- Review criteria: region_id NULL are the defaults of typical regulations; a region may configure its own.
CREATE TABLE "practice_criteria" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "region_id" uuid REFERENCES "organisations"("id"),
  "code" text NOT NULL,
  "title" text NOT NULL,
  "position" integer NOT NULL,
  "max_score" integer NOT NULL DEFAULT 3,
  "is_active" boolean NOT NULL DEFAULT true
);
--> statement-breakpoint
CREATE UNIQUE INDEX "practice_criteria_code_idx" ON "practice_criteria" (COALESCE("region_id", '00000000-0000-0000-0000-000000000000'::uuid), "code");
--> statement-breakpoint
INSERT INTO "practice_criteria" ("code", "title", "position") VALUES
  ('relevance', 'Актуальность', 1),
  ('effectiveness', 'Результативность', 2),
  ('reproducibility', 'Воспроизводимость', 3),
  ('resources', 'Ресурсная обеспеченность', 4),
  ('risk_fit', 'Соответствие профилю рисков', 5);
--> statement-breakpoint

-- An expert assigned to a version of a practice, and the expert's review once submitted.
CREATE TABLE "practice_reviews" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "practice_id" uuid NOT NULL REFERENCES "practices"("id"),
  "practice_version" integer NOT NULL,
  "expert_id" uuid NOT NULL REFERENCES "users"("id"),
  "expert_name" text NOT NULL,
  "assigned_by_name" text NOT NULL,
  "comment" text NOT NULL DEFAULT '',
  "evidence_level" text,
  "evidence_reason" text,
  "submitted_at" timestamp with time zone,
  "version" integer NOT NULL DEFAULT 1,
  "created_at" timestamp with time zone NOT NULL DEFAULT now(),
  "updated_at" timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT "practice_reviews_once" UNIQUE ("practice_id", "practice_version", "expert_id")
);
--> statement-breakpoint

CREATE TABLE "practice_review_scores" (
  "review_id" uuid NOT NULL REFERENCES "practice_reviews"("id") ON DELETE CASCADE,
  "criterion_id" uuid NOT NULL REFERENCES "practice_criteria"("id"),
  "score" integer NOT NULL,
  "comment" text NOT NULL DEFAULT '',
  PRIMARY KEY ("review_id", "criterion_id"),
  CONSTRAINT "practice_review_scores_range" CHECK ("score" BETWEEN 0 AND 10)
);
--> statement-breakpoint

CREATE TABLE "practice_decisions" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "practice_id" uuid NOT NULL REFERENCES "practices"("id"),
  "practice_version" integer NOT NULL,
  "kind" text NOT NULL,
  "comment" text NOT NULL DEFAULT '',
  "author_name" text NOT NULL,
  "created_at" timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT "practice_decisions_kind" CHECK ("kind" IN ('submit', 'assign', 'accept', 'return', 'reject', 'publish', 'archive', 'revise'))
);
--> statement-breakpoint
CREATE INDEX "practice_decisions_practice_idx" ON "practice_decisions" ("practice_id", "created_at");
--> statement-breakpoint

-- «Внедряем»: another school tries the practice from a start date; its results are then tracked the same way.
CREATE TABLE "practice_adoptions" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "practice_id" uuid NOT NULL REFERENCES "practices"("id"),
  "school_id" uuid NOT NULL REFERENCES "organisations"("id"),
  "started_on" date NOT NULL,
  "note" text NOT NULL DEFAULT '',
  "author_name" text NOT NULL,
  "created_at" timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT "practice_adoptions_once" UNIQUE ("practice_id", "school_id")
);
--> statement-breakpoint

CREATE TABLE "practice_links" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "practice_id" uuid NOT NULL REFERENCES "practices"("id"),
  "roadmap_item_id" uuid REFERENCES "roadmap_items"("id"),
  "indicator_id" uuid REFERENCES "indicators"("id"),
  CONSTRAINT "practice_links_one" CHECK (("roadmap_item_id" IS NULL) <> ("indicator_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "practice_links_item_idx" ON "practice_links" ("practice_id", "roadmap_item_id") WHERE "roadmap_item_id" IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "practice_links_indicator_idx" ON "practice_links" ("practice_id", "indicator_id") WHERE "indicator_id" IS NOT NULL;
