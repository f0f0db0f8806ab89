import { apiRoute } from '@/lib/api/route';
import { readJsonBody } from '@/lib/api/body';
import { queryObject } from '@/lib/roadmaps/api-request';
import { createRoadmap, listRoadmaps } from '@/lib/roadmaps/queries';
import { createRoadmapSchema, listRoadmapsFilterSchema } from '@/lib/roadmaps/schemas';
import { parseInput } from '@/lib/validation';

/** Road maps the caller may read, with progress and overdue counts; filters: level, organisationId, status, year. */
export const GET = apiRoute(async (request, { actor }) => listRoadmaps(actor, parseInput(listRoadmapsFilterSchema, queryObject(request))));

export const POST = apiRoute(async (request, { actor }) => {
  const roadmap = await createRoadmap(actor, parseInput(createRoadmapSchema, await readJsonBody(request)));
  return Response.json(roadmap, { status: 201 });
});
