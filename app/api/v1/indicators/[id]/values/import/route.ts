import { apiRoute, MULTIPART_BODY } from '@/lib/api/route';
import { readImportUpload } from '@/lib/api/upload';
import { importIndicatorValues, valueMappingSchema } from '@/lib/indicators/import/queries';

/** Values of this indicator from CSV/XLSX: the same import as `/api/v1/indicator-values/import`, the indicator fixed. */
export const POST = apiRoute<{ id: string }>(
  async (request, { actor, params }) => importIndicatorValues(actor, await readImportUpload(request, valueMappingSchema), params.id),
  { body: MULTIPART_BODY },
);
