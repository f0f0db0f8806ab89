import { apiRoute } from '@/lib/api/route';
import { fileResponse } from '@/lib/export';
import { openEvidenceFile } from '@/lib/roadmaps/queries';

/** An evidence file of a progress report, for readers of its road map. Always a download (never rendered inline). */
export const GET = apiRoute<{ id: string }>(async (_request, { actor, params }) => fileResponse(await openEvidenceFile(actor, params.id)));
