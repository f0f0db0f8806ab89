import { apiRoute } from '@/lib/api/route';
import { listIndicators, createIndicator } from '@/lib/indicators/queries';
import { createIndicatorSchema, indicatorListFilterSchema } from '@/lib/indicators/schemas';
import { jsonBody, queryObject } from '@/lib/roadmaps/api-request';
import { parseInput } from '@/lib/validation';

/** The catalogue of the caller's region; filter: status. */
export const GET = apiRoute(async (request, { actor }) => listIndicators(actor, parseInput(indicatorListFilterSchema, queryObject(request))));

/** A new indicator (the region defines indicators); a computed one's formula is validated when saved. */
export const POST = apiRoute(async (request, { actor }) => {
  const indicator = await createIndicator(actor, parseInput(createIndicatorSchema, await jsonBody(request)));
  return Response.json(indicator, { status: 201 });
});
