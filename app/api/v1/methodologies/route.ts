import { readJsonBody } from '@/lib/api/body';
import { apiRoute } from '@/lib/api/route';
import { createDraftMethodology, listMethodologies } from '@/lib/classification/queries';

export const GET = apiRoute(async (_request, { actor }) => listMethodologies(actor));

/** A new draft: `{ name, note?, fromId? }` — a copy of the active methodology's (or fromId's) parameters. */
export const POST = apiRoute(async (request, { actor }) => {
  const body = await readJsonBody(request);
  return createDraftMethodology(actor, body as Parameters<typeof createDraftMethodology>[1]);
});
