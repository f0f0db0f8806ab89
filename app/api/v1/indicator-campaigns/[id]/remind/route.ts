import { apiRoute } from '@/lib/api/route';
import { remindLate } from '@/lib/indicators/campaigns/queries';

/** «Напомнить опоздавшим»: e-mail to the users of late organisations, at most once per organisation per interval. */
export const POST = apiRoute<{ id: string }>(async (_request, { actor, params }) => remindLate(actor, params.id));
