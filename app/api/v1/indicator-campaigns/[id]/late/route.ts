import { apiRoute } from '@/lib/api/route';
import { exportFormatSchema, fileResponse } from '@/lib/export';
import { exportLateList } from '@/lib/indicators/campaigns/queries';
import { parseInput } from '@/lib/validation';

/** The organisations that have not submitted, late first, as XLSX (default) or CSV: `?format=xlsx|csv`. */
export const GET = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  const format = parseInput(exportFormatSchema, new URL(request.url).searchParams.get('format') ?? 'xlsx');
  return fileResponse(await exportLateList(actor, params.id, format));
});
