import { readJsonBody } from '@/lib/api/body';
import { apiRoute } from '@/lib/api/route';
import { listReports, requestReport } from '@/lib/reports/jobs/queries';
import type { RequestReportInput } from '@/lib/reports/schemas';

/** The stored reports of the caller's region or municipality, newest first. */
export const GET = apiRoute(async (_request, { actor }) => listReports(actor));

/** Queue a report: 202 with the job; follow it at /api/v1/reports/{id}, download at /api/v1/reports/{id}/file. */
export const POST = apiRoute(async (request, { actor }) => {
  const job = await requestReport(actor, (await readJsonBody(request)) as RequestReportInput);
  return Response.json(job, { status: 202 });
});
