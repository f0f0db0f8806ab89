-- Indicators: catalogue, baselines and targets, links to road-map items, entered values, approvals with lock, frozen computed values.
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"direction" text DEFAULT 'higher' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"periodicity" text DEFAULT 'year' NOT NULL,
	"expression" jsonb,
	"roadmap_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"outlier_jump" real,
	"min_value" real,
	"max_value" real,
	"close_share" real DEFAULT 0.8 NOT NULL,
	"external_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_external_key_unique" UNIQUE("external_key"),
	CONSTRAINT "indicators_region_code" UNIQUE("region_id","code"),
	CONSTRAINT "indicators_close_share" CHECK ("indicators"."close_share" > 0 AND "indicators"."close_share" < 1),
	CONSTRAINT "indicators_computed_expression" CHECK (("indicators"."kind" = 'computed') = ("indicators"."expression" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "indicator_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region_id" uuid,
	"municipality_id" uuid,
	"school_id" uuid,
	"year" integer NOT NULL,
	"quarter" integer DEFAULT 0 NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"unlock_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_approvals_key" UNIQUE("organisation_id","year","quarter"),
	CONSTRAINT "indicator_approvals_lock" CHECK ("indicator_approvals"."locked_at" IS NULL OR "indicator_approvals"."state" = 'approved')
);
--> statement-breakpoint
CREATE TABLE "indicator_roadmap_items" (
	"indicator_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_roadmap_items_indicator_id_item_id_pk" PRIMARY KEY("indicator_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer DEFAULT 0 NOT NULL,
	"value" real,
	"numerator" real,
	"denominator" real,
	"input_digest" text NOT NULL,
	"trace" jsonb NOT NULL,
	"approval_id" uuid,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_snapshots_key" UNIQUE("indicator_id","organisation_id","year","quarter")
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"organisation_id" uuid,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"value" real NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_targets_key" UNIQUE NULLS NOT DISTINCT("indicator_id","organisation_id","kind","year"),
	CONSTRAINT "indicator_targets_year" CHECK ("indicator_targets"."year" BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region_id" uuid,
	"municipality_id" uuid,
	"school_id" uuid,
	"year" integer NOT NULL,
	"quarter" integer DEFAULT 0 NOT NULL,
	"value" real NOT NULL,
	"numerator" real,
	"denominator" real,
	"comment" text DEFAULT '' NOT NULL,
	"entered_by" uuid,
	"entered_by_name" text NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_key" UNIQUE("indicator_id","organisation_id","year","quarter"),
	CONSTRAINT "indicator_values_quarter" CHECK ("indicator_values"."quarter" BETWEEN 0 AND 4),
	CONSTRAINT "indicator_values_year" CHECK ("indicator_values"."year" BETWEEN 2000 AND 2100),
	CONSTRAINT "indicator_values_share" CHECK ("indicator_values"."numerator" IS NULL OR "indicator_values"."denominator" IS NULL OR ("indicator_values"."numerator" >= 0 AND "indicator_values"."numerator" <= "indicator_values"."denominator"))
);
--> statement-breakpoint
ALTER TABLE "indicator_approvals" ADD CONSTRAINT "indicator_approvals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_approvals" ADD CONSTRAINT "indicator_approvals_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_approvals" ADD CONSTRAINT "indicator_approvals_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_approvals" ADD CONSTRAINT "indicator_approvals_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_approvals" ADD CONSTRAINT "indicator_approvals_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_approvals" ADD CONSTRAINT "indicator_approvals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_roadmap_items" ADD CONSTRAINT "indicator_roadmap_items_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_roadmap_items" ADD CONSTRAINT "indicator_roadmap_items_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_snapshots" ADD CONSTRAINT "indicator_snapshots_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_snapshots" ADD CONSTRAINT "indicator_snapshots_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_snapshots" ADD CONSTRAINT "indicator_snapshots_approval_id_indicator_approvals_id_fk" FOREIGN KEY ("approval_id") REFERENCES "public"."indicator_approvals"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "indicator_roadmap_items_item_idx" ON "indicator_roadmap_items" USING btree ("item_id");
--> statement-breakpoint
CREATE INDEX "indicator_values_year_idx" ON "indicator_values" USING btree ("year","indicator_id");
--> statement-breakpoint
CREATE INDEX "indicator_values_municipality_idx" ON "indicator_values" USING btree ("municipality_id","year");
