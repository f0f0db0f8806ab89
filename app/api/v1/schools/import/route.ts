import { apiRoute, MULTIPART_BODY } from '@/lib/api/route';
import { readImportUpload } from '@/lib/api/upload';
import { importMappingSchema } from '@/lib/schools/import';
import { importSchools } from '@/lib/schools/import/commit';

/**
 * School directory import. `?dryRun=true` returns the preview (headers, guessed or given mapping, what would be
 * created and updated, every problem with its row and column); without it the import is committed in one
 * transaction, or refused whole with HTTP 400 and the list of problems.
 */
export const POST = apiRoute(async (request, { actor }) => importSchools(actor, await readImportUpload(request, importMappingSchema)), { body: MULTIPART_BODY });
