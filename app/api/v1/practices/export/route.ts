import { apiRoute } from '@/lib/api/route';
import { exportFormatSchema, fileResponse } from '@/lib/export';
import { exportPractices } from '@/lib/practices/queries';
import { searchSchema } from '@/lib/practices/schemas';
import { queryObject } from '@/lib/roadmaps/api-request';
import { parseInput } from '@/lib/validation';

/** The bank or a search result (the same filters as the catalogue) as XLSX (default) or CSV: `?format=xlsx|csv`. */
export const GET = apiRoute(async (request, { actor }) => {
  const { format, ...query } = queryObject(request);
  return fileResponse(await exportPractices(actor, parseInput(searchSchema, query), parseInput(exportFormatSchema, format ?? 'xlsx')));
});
