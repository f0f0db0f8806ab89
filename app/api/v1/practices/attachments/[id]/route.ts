import { apiRoute } from '@/lib/api/route';
import { fileResponse } from '@/lib/export';
import { openPracticeAttachment } from '@/lib/practices/queries';

/** An attachment of a practice: for staff who may see it, or for everyone once the practice is published. Always a download. */
export const GET = apiRoute<{ id: string }>(async (_request, { actor, params }) => fileResponse(await openPracticeAttachment(actor, params.id)));
