-- Practice search at scale (20,000 practices): relevance is ranked on `search_head`, the title (A) and summary (B)
-- part of the search vector, kept in the row (STORAGE MAIN) with the title key (typo tolerance) and the risk
-- factors (filter and counts), so ranking and counting thousands of matches read no TOASTed value; long texts and
-- the whole-document `search` vector leave the row first, and `search` only finds matches through its GIN index.
-- Rows are kept under 1 KB (toast_tuple_target) rather than 2 KB, so a scan over the matches reads about a third
-- fewer pages. One ALTER TABLE: the rewrite that fills the new column already stores rows this way.
-- The GIN indexes are rebuilt without fastupdate: a query never scans a pending list of unmerged entries (the
-- embedded PGlite has no autovacuum to merge it).
DROP INDEX "practices_search_idx";--> statement-breakpoint
DROP INDEX "practices_title_trgm_idx";--> statement-breakpoint
DROP INDEX "practices_risk_factors_idx";--> statement-breakpoint
ALTER TABLE "practices"
  SET (toast_tuple_target = 1024),
  ADD COLUMN "search_head" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian'::regconfig, translate(title, 'ёЁ', 'еЕ')), 'A') || setweight(to_tsvector('russian'::regconfig, translate(summary, 'ёЁ', 'еЕ')), 'B')) STORED,
  ALTER COLUMN "search_head" SET STORAGE MAIN,
  ALTER COLUMN "title_key" SET STORAGE MAIN,
  ALTER COLUMN "risk_factors" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "practices_search_idx" ON "practices" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "practices_title_trgm_idx" ON "practices" USING gin ("title_key" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "practices_risk_factors_idx" ON "practices" USING gin ("risk_factors") WITH (fastupdate=false);
