CREATE TABLE "indicator_value_files" (
	"value_id" uuid PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "quarter_rule" text DEFAULT 'last' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_value_files" ADD CONSTRAINT "indicator_value_files_value_id_indicator_values_id_fk" FOREIGN KEY ("value_id") REFERENCES "public"."indicator_values"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value_files" ADD CONSTRAINT "indicator_value_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Evidence bytes are stored as road-map evidence files are: uncompressed out of line, so a download reads slices.
ALTER TABLE "indicator_value_files" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
