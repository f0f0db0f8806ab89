import { apiRoute } from '@/lib/api/route';
import { IMPORT_CONTENT_TYPES, importBody, queryObject } from '@/lib/roadmaps/api-request';
import { importRoadmapTable } from '@/lib/roadmaps/queries';
import { importRequestSchema } from '@/lib/roadmaps/schemas';
import { parseInput } from '@/lib/validation';

/**
 * Import of a raw table into the road map: the body is the table itself (text/tab-separated-values, text/csv,
 * XLSX or DOCX by Content-Type). `?dryRun=true` returns the preview; otherwise all-or-nothing, 400 with every
 * problem (row, column) when the table has errors. `?mapping={"activity":1,…}` re-maps columns by hand.
 */
export const POST = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  const { mapping, dryRun } = parseInput(importRequestSchema, queryObject(request));
  return importRoadmapTable(actor, params.id, { ...(await importBody(request)), mapping, dryRun });
}, { body: IMPORT_CONTENT_TYPES });
