import { readJsonBody } from '@/lib/api/body';
import { apiRoute } from '@/lib/api/route';
import { createPractice, searchPractices } from '@/lib/practices/queries';
import { createPracticeSchema, searchSchema } from '@/lib/practices/schemas';
import { queryObject } from '@/lib/roadmaps/api-request';
import { parseInput } from '@/lib/validation';

/** Search the bank (the practices the caller may see) with filters, counts and paging. */
export const GET = apiRoute(async (request, { actor }) => searchPractices(actor, parseInput(searchSchema, queryObject(request))));

/** A new practice (draft) of the caller's school. */
export const POST = apiRoute(async (request, { actor }) => {
  const practice = await createPractice(actor, parseInput(createPracticeSchema, await readJsonBody(request)));
  return Response.json(practice, { status: 201 });
});
