-- Packed per-school results are stored as JSON text: nothing queries inside them, and jsonb parsing dominated a national run's write.
ALTER TABLE "classification_results" ALTER COLUMN "explanation" SET DATA TYPE text USING "explanation"::text;
