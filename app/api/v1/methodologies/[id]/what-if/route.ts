import { readJsonBody } from '@/lib/api/body';
import { apiRoute } from '@/lib/api/route';
import { previewWhatIf } from '@/lib/classification/queries';

/** The draft against the active methodology on the same data: `{ year, municipalityId? }`. */
export const POST = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  const body = (await readJsonBody(request, { fallback: {} })) as Record<string, unknown>;
  return previewWhatIf(actor, { ...body, draftId: params.id } as Parameters<typeof previewWhatIf>[1]);
});
