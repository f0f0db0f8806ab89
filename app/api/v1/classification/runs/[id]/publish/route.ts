import { apiRoute } from '@/lib/api/route';
import { publishRun } from '@/lib/classification/queries';

export const POST = apiRoute<{ id: string }>(async (_request, { actor, params }) => {
  await publishRun(actor, params.id);
  return { ok: true };
});
