import { apiRoute } from '@/lib/api/route';
import { exportFormatSchema, fileResponse } from '@/lib/export';
import { exportRoadmap } from '@/lib/roadmaps/queries';
import { parseInput } from '@/lib/validation';

/** The road map as XLSX (default) or CSV: `?format=xlsx|csv`. */
export const GET = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  const format = parseInput(exportFormatSchema, new URL(request.url).searchParams.get('format') ?? 'xlsx');
  return fileResponse(await exportRoadmap(actor, params.id, format));
});
