import { apiRoute } from '@/lib/api/route';
import { listIndicators, createIndicator } from '@/lib/indicators/queries';
import { createIndicatorSchema, indicatorListFilterSchema } from '@/lib/indicators/schemas';
import { readJsonBody } from '@/lib/api/body';
import { queryObject } from '@/lib/roadmaps/api-request';
import { parseInput } from '@/lib/validation';

/** The catalogue of the caller's region; filter: status. */
export const GET = apiRoute(async (request, { actor }) => listIndicators(actor, parseInput(indicatorListFilterSchema, queryObject(request))));

/** A new indicator (the region defines indicators); a computed one's formula is validated when saved. */
export const POST = apiRoute(async (request, { actor }) => {
  const indicator = await createIndicator(actor, parseInput(createIndicatorSchema, await readJsonBody(request)));
  return Response.json(indicator, { status: 201 });
});
