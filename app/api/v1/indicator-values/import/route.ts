import { apiRoute, MULTIPART_BODY } from '@/lib/api/route';
import { readImportUpload } from '@/lib/api/upload';
import { importIndicatorValues, valueMappingSchema } from '@/lib/indicators/import/queries';

/**
 * Values of several indicators from one CSV/XLSX (a row: organisation, indicator code, year, value…).
 * `?dryRun=true` previews; otherwise the file is committed whole in one transaction, or refused with HTTP 400 and
 * every problem (row and column), or 409 when a value changed meanwhile.
 */
export const POST = apiRoute(async (request, { actor }) => importIndicatorValues(actor, await readImportUpload(request, valueMappingSchema)), { body: MULTIPART_BODY });
