import { readJsonBody } from '@/lib/api/body';
import { apiRoute } from '@/lib/api/route';
import { getMethodology, updateDraftMethodology } from '@/lib/classification/queries';

export const GET = apiRoute<{ id: string }>(async (_request, { actor, params }) => getMethodology(actor, params.id));

/** Edits a draft: `{ version, name?, note?, params }`; parameters are validated with field messages. */
export const PATCH = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  const body = (await readJsonBody(request)) as Record<string, unknown>;
  return updateDraftMethodology(actor, { ...body, id: params.id } as Parameters<typeof updateDraftMethodology>[1]);
});
