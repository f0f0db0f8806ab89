import { apiRoute } from '@/lib/api/route';
import { fileResponse } from '@/lib/roadmaps/api-request';
import { exportRoadmap } from '@/lib/roadmaps/queries';
import { exportFormatSchema } from '@/lib/roadmaps/schemas';
import { parseInput } from '@/lib/validation';

/** The road map as XLSX (default) or CSV: `?format=xlsx|csv`. */
export const GET = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  const format = parseInput(exportFormatSchema, new URL(request.url).searchParams.get('format') ?? 'xlsx');
  return fileResponse(await exportRoadmap(actor, params.id, format));
});
