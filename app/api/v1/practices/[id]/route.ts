import { readJsonBody } from '@/lib/api/body';
import { apiRoute } from '@/lib/api/route';
import { getPractice, updatePractice } from '@/lib/practices/queries';
import { updatePracticeSchema } from '@/lib/practices/schemas';
import { parseInput } from '@/lib/validation';

/** A practice with its versions, reviews (as the caller may see them), decisions, adoptions and measured change. */
export const GET = apiRoute<{ id: string }>(async (_request, { actor, params }) => getPractice(actor, params.id));

/** A new version of the practice, with the version read (stale: 409); a published one goes back through review. */
export const PUT = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  const body = (await readJsonBody(request)) as Record<string, unknown>;
  return updatePractice(actor, parseInput(updatePracticeSchema, { ...body, id: params.id }));
});
