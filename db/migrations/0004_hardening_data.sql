-- Municipalities (per region) and regions are unique by their normalised name: spacing collapsed, lower case,
-- «ё» as «е» — the same key the school import compares with. Parallel imports upsert against these indexes.
ALTER TABLE "organisations" ADD COLUMN "name_key" text GENERATED ALWAYS AS (replace(lower(btrim(regexp_replace(name, '\s+', ' ', 'g')) COLLATE opora_ru), 'ё', 'е')) STORED;
--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_municipality_name_key" ON "organisations" USING btree ("region_id","kind","name_key") WHERE kind = 'municipality';
--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_region_name_key" ON "organisations" USING btree ("kind","name_key") WHERE kind = 'region';
