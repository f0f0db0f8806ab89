-- Trigram similarity for typo-tolerant search (practice bank, public school search). A trusted extension since
-- PostgreSQL 13, so the database owner may create it; the embedded PGlite loads the same extension (lib/db/embedded.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
