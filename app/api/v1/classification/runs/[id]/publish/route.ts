import { apiRoute } from '@/lib/api/route';
import { publishRun } from '@/lib/classification/queries';
import { publishedRunTags, revalidatePublic } from '@/lib/public/cache';

export const POST = apiRoute<{ id: string }>(async (_request, { actor, params }) => {
  await publishRun(actor, params.id);
  // Published results are public: every public page shows them on its next view.
  await revalidatePublic(publishedRunTags());
  return { ok: true };
});
