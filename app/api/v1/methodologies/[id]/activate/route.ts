import { z } from 'zod';
import { readJsonBody } from '@/lib/api/body';
import { apiRoute } from '@/lib/api/route';
import { activateMethodology } from '@/lib/classification/queries';
import { parseInput, versionField } from '@/lib/validation';

/** Activates a draft `{ version }`; the previous active methodology is archived. */
export const POST = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  const { version } = parseInput(z.object({ version: versionField }), await readJsonBody(request, { fallback: {} }));
  await activateMethodology(actor, params.id, version);
  return { ok: true };
});
