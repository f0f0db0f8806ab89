import { apiRoute } from '@/lib/api/route';
import { getIndicator, updateIndicator } from '@/lib/indicators/queries';
import { readJsonBody } from '@/lib/api/body';

type Params = { id: string };

/** One indicator with its baselines, targets and linked road-map items. */
export const GET = apiRoute<Params>(async (_request, { actor, params }) => getIndicator(actor, params.id));

/** Update with the version read; a stale version answers 409 and changes nothing. */
export const PATCH = apiRoute<Params>(async (request, { actor, params }) => {
  const body = (await readJsonBody(request)) as Record<string, unknown>;
  return updateIndicator(actor, { ...body, id: params.id } as Parameters<typeof updateIndicator>[1]);
});
