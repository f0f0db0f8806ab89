import { apiRoute } from '@/lib/api/route';
import { fileResponse } from '@/lib/export';
import { downloadReport } from '@/lib/reports/jobs/queries';

type Params = { id: string };

/** The finished report's file (an attachment, never shown inline); the SHA-256 digest in a header; audited. */
export const GET = apiRoute<Params>(async (_request, { actor, params }) => {
  const file = await downloadReport(actor, params.id);
  const response = fileResponse(file);
  response.headers.set('X-Content-SHA256', file.digest);
  return response;
});
