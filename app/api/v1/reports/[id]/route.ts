import { apiRoute } from '@/lib/api/route';
import { reportStatus } from '@/lib/reports/jobs/queries';

type Params = { id: string };

/** A report job's status and progress (queued, running, done, failed). */
export const GET = apiRoute<Params>(async (_request, { actor, params }) => reportStatus(actor, params.id));
