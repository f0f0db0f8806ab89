import { apiRoute } from '@/lib/api/route';
import { getRun } from '@/lib/classification/queries';

/** Every school of the run with its categories and explanations. */
export const GET = apiRoute<{ id: string }>(async (_request, { actor, params }) => getRun(actor, params.id));
