import { apiRoute, MULTIPART_BODY } from '@/lib/api/route';
import { dataImportRequest } from '@/lib/classification/import/request';
import { importAssessmentResults } from '@/lib/classification/queries';

/** `?dryRun=true` previews; otherwise the file is committed whole in one transaction or refused with HTTP 400. */
export const POST = apiRoute(async (request, { actor }) => importAssessmentResults(actor, await dataImportRequest(request)), { body: MULTIPART_BODY });
