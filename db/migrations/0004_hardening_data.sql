-- Municipalities (per region) and regions are unique by their normalised name: spacing collapsed, lower case,
-- «ё» as «е» — the same key the school import compares with. Parallel imports upsert against these indexes.
ALTER TABLE "organisations" ADD COLUMN "name_key" text GENERATED ALWAYS AS (replace(lower(btrim(regexp_replace(name, '\s+', ' ', 'g')) COLLATE opora_ru), 'ё', 'е')) STORED;
--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_municipality_name_key" ON "organisations" USING btree ("region_id","kind","name_key") WHERE kind = 'municipality';
--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_region_name_key" ON "organisations" USING btree ("kind","name_key") WHERE kind = 'region';
--> statement-breakpoint
-- Evidence files live in the database, beside their row: a crash cannot leave one without the other, every portal
-- instance serves them, and pg_dump backs them up. Files uploaded before are moved in by the migration step
-- (lib/db/evidence-mover.ts), which reads stored_name from the uploads folder.
CREATE TABLE "roadmap_evidence_files" (
	"evidence_id" uuid PRIMARY KEY NOT NULL,
	"bytes" bytea NOT NULL
);
--> statement-breakpoint
ALTER TABLE "roadmap_evidence_files" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
--> statement-breakpoint
ALTER TABLE "roadmap_evidence_files" ADD CONSTRAINT "roadmap_evidence_files_evidence_id_roadmap_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."roadmap_evidence"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
UPDATE "roadmap_evidence" SET "file_name" = 'файл' WHERE "kind" = 'file' AND "file_name" IS NULL;
--> statement-breakpoint
ALTER TABLE "roadmap_evidence" DROP CONSTRAINT "roadmap_evidence_shape";
--> statement-breakpoint
ALTER TABLE "roadmap_evidence" ADD CONSTRAINT "roadmap_evidence_shape" CHECK (("roadmap_evidence"."kind" = 'link' AND "roadmap_evidence"."url" IS NOT NULL) OR ("roadmap_evidence"."kind" = 'file' AND "roadmap_evidence"."file_name" IS NOT NULL));
--> statement-breakpoint
-- A file row inserted without its bytes fails at commit (checked at the end of the transaction, after the bytes).
CREATE OR REPLACE FUNCTION roadmap_evidence_require_bytes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind = 'file' AND NOT EXISTS (SELECT 1 FROM roadmap_evidence_files f WHERE f.evidence_id = NEW.id) THEN
    RAISE EXCEPTION 'Файл подтверждения % записан без содержимого', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER roadmap_evidence_has_bytes
  AFTER INSERT ON roadmap_evidence DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION roadmap_evidence_require_bytes();
