import { apiRoute } from '@/lib/api/route';
import { getSchoolClassification } from '@/lib/classification/queries';

/** One school of the run with every sentence (rebuilt from the inputs for a compact run), its overview and history. */
export const GET = apiRoute<{ id: string; schoolId: string }>(async (_request, { actor, params }) => getSchoolClassification(actor, params.id, params.schoolId));
