import { apiRoute } from '@/lib/api/route';
import { readJsonBody } from '@/lib/api/body';
import { queryObject } from '@/lib/roadmaps/api-request';
import { deleteRoadmap, getRoadmap, updateRoadmap } from '@/lib/roadmaps/queries';
import { deleteSchema, updateRoadmapSchema } from '@/lib/roadmaps/schemas';
import { parseInput } from '@/lib/validation';

type Params = { id: string };

/** One road map with sections, items (normalised period, derived `overdue`), reports, review and rights. */
export const GET = apiRoute<Params>(async (_request, { actor, params }) => getRoadmap(actor, params.id));

/** Update with the version read; a stale version answers 409 and changes nothing. */
export const PATCH = apiRoute<Params>(async (request, { actor, params }) => {
  const body = (await readJsonBody(request)) as Record<string, unknown>;
  return updateRoadmap(actor, parseInput(updateRoadmapSchema, { ...body, id: params.id }));
});

/** Soft delete: `?version=` is the version read. */
export const DELETE = apiRoute<Params>(async (request, { actor, params }) => {
  const { id, version } = parseInput(deleteSchema, { ...queryObject(request), id: params.id });
  await deleteRoadmap(actor, id, version);
  return new Response(null, { status: 204 });
});
