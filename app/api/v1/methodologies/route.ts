import { apiRoute, readJson } from '@/lib/api/route';
import { createDraftMethodology, listMethodologies } from '@/lib/classification/queries';

export const GET = apiRoute(async (_request, { actor }) => listMethodologies(actor));

/** A new draft: `{ name, note?, fromId? }` — a copy of the active methodology's (or fromId's) parameters. */
export const POST = apiRoute(async (request, { actor }) => {
  const body = await readJson(request);
  return createDraftMethodology(actor, body as Parameters<typeof createDraftMethodology>[1]);
});
