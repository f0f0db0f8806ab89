import { apiRoute } from '@/lib/api/route';
import { AppError } from '@/lib/errors';
import { importSchools } from '@/lib/schools/import/commit';
import { schoolImportFormSchema } from '@/lib/schools/import/request';
import { DEFAULT_UPLOAD_LIMITS } from '@/lib/tabular';
import { parseInput } from '@/lib/validation';

/**
 * School directory import. `?dryRun=true` returns the preview (headers, guessed or given mapping, what would be
 * created and updated, every problem with its row and column); without it the import is committed in one
 * transaction, or refused whole with HTTP 400 and the list of problems.
 */
export const POST = apiRoute(async (request, { actor }) => {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > DEFAULT_UPLOAD_LIMITS.maxUploadBytes + 64 * 1024) throw new AppError('payload_too_large', 'Файл больше 10 МБ.');
  const form = await request.formData().catch(() => {
    throw new AppError('validation', 'Ожидается форма multipart/form-data с полем file.');
  });
  const input = parseInput(schoolImportFormSchema, {
    file: form.get('file') ?? undefined,
    mapping: form.get('mapping') ?? undefined,
    headerRow: form.get('headerRow') ?? undefined,
    sheet: form.get('sheet') ?? undefined,
  });
  return importSchools(actor, {
    file: { bytes: new Uint8Array(await input.file.arrayBuffer()), filename: input.file.name, mimeType: input.file.type },
    mapping: input.mapping,
    headerRow: input.headerRow,
    sheetIndex: input.sheet,
    dryRun: new URL(request.url).searchParams.get('dryRun') === 'true',
  });
});
