import { apiRoute } from '@/lib/api/route';
import { exportRun } from '@/lib/classification/queries';
import { exportFormatSchema, fileResponse } from '@/lib/export';
import { parseInput } from '@/lib/validation';

/** The run's schools as XLSX (default) or CSV: `?format=xlsx|csv`. */
export const GET = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  const format = parseInput(exportFormatSchema, new URL(request.url).searchParams.get('format') ?? 'xlsx');
  return fileResponse(await exportRun(actor, params.id, format));
});
