import { readJsonBody } from '@/lib/api/body';
import { apiRoute } from '@/lib/api/route';
import { createRun, listRuns } from '@/lib/classification/queries';

/** Runs visible to the caller, newest first; `?year=2026` narrows to a year. */
export const GET = apiRoute(async (request, { actor }) => {
  const year = new URL(request.url).searchParams.get('year');
  return listRuns(actor, year ? { year: Number(year) } : {});
});

/** Classifies the schools in scope for a year: `{ year, methodologyId?, municipalityId? }`. */
export const POST = apiRoute(async (request, { actor }) => {
  const body = await readJsonBody(request);
  return createRun(actor, body as Parameters<typeof createRun>[1]);
});
