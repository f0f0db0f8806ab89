-- Indicator data collection campaigns: the asked indicators and organisations, and the log of reminders sent (in the database, so portal instances behind a balancer never send twice).
CREATE TABLE "indicator_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_id" uuid,
	"asking_organisation_id" uuid NOT NULL,
	"asked_kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer DEFAULT 0 NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"external_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_campaigns_external_key_unique" UNIQUE("external_key"),
	CONSTRAINT "indicator_campaigns_year" CHECK ("indicator_campaigns"."year" BETWEEN 2000 AND 2100),
	CONSTRAINT "indicator_campaigns_quarter" CHECK ("indicator_campaigns"."quarter" BETWEEN 0 AND 4)
);
--> statement-breakpoint
CREATE TABLE "indicator_campaign_indicators" (
	"campaign_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	CONSTRAINT "indicator_campaign_indicators_campaign_id_indicator_id_pk" PRIMARY KEY("campaign_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_campaign_organisations" (
	"campaign_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "indicator_campaign_organisations_campaign_id_organisation_id_pk" PRIMARY KEY("campaign_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_campaign_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"user_id" uuid,
	"recipient" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"error" text,
	"sent_by" uuid,
	"sent_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "indicator_campaigns" ADD CONSTRAINT "indicator_campaigns_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_campaigns" ADD CONSTRAINT "indicator_campaigns_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_campaigns" ADD CONSTRAINT "indicator_campaigns_asking_organisation_id_organisations_id_fk" FOREIGN KEY ("asking_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_campaigns" ADD CONSTRAINT "indicator_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_campaign_indicators" ADD CONSTRAINT "indicator_campaign_indicators_campaign_id_indicator_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."indicator_campaigns"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_campaign_indicators" ADD CONSTRAINT "indicator_campaign_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_campaign_organisations" ADD CONSTRAINT "indicator_campaign_organisations_campaign_id_indicator_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."indicator_campaigns"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_campaign_organisations" ADD CONSTRAINT "indicator_campaign_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_campaign_reminders" ADD CONSTRAINT "indicator_campaign_reminders_campaign_id_indicator_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."indicator_campaigns"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_campaign_reminders" ADD CONSTRAINT "indicator_campaign_reminders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_campaign_reminders" ADD CONSTRAINT "indicator_campaign_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "indicator_campaign_reminders" ADD CONSTRAINT "indicator_campaign_reminders_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "indicator_campaigns_region_idx" ON "indicator_campaigns" USING btree ("region_id","status");
--> statement-breakpoint
CREATE INDEX "indicator_campaigns_municipality_idx" ON "indicator_campaigns" USING btree ("municipality_id");
--> statement-breakpoint
CREATE INDEX "indicator_campaign_organisations_org_idx" ON "indicator_campaign_organisations" USING btree ("organisation_id");
--> statement-breakpoint
CREATE INDEX "indicator_campaign_reminders_key" ON "indicator_campaign_reminders" USING btree ("campaign_id","organisation_id","channel","created_at");
