import { readJsonBody } from '@/lib/api/body';
import { apiRoute } from '@/lib/api/route';
import { adoptPractice } from '@/lib/practices/queries';
import { adoptSchema } from '@/lib/practices/schemas';
import { parseInput } from '@/lib/validation';

/** «Внедряем»: the caller's school tries the published practice from a date. */
export const POST = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  const body = (await readJsonBody(request)) as Record<string, unknown>;
  const id = await adoptPractice(actor, parseInput(adoptSchema, { ...body, id: params.id }));
  return Response.json({ id }, { status: 201 });
});
