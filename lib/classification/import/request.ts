import 'server-only';
/** The multipart form of the assessment and context import endpoints (same shape as `/api/v1/schools/import`). */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { DEFAULT_UPLOAD_LIMITS } from '@/lib/tabular';
import { parseInput } from '@/lib/validation';
import type { DataImportRequest } from '../queries';

const fieldSource = z.union([
  z.strictObject({ column: z.number().int().min(0).max(16_383) }),
  z.strictObject({ value: z.string().trim().max(500, 'Значение длиннее 500 символов') }),
]);

const formSchema = z.object({
  file: z.instanceof(File, { message: 'Выберите файл CSV или XLSX' }),
  mapping: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (!text) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Сопоставление столбцов передано не в формате JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), fieldSource).optional()),
  headerRow: z.coerce.number().int().min(0, 'Номер строки заголовка не может быть отрицательным').optional(),
  sheet: z.coerce.number().int().min(0).optional(),
});

export async function dataImportRequest(request: Request): Promise<DataImportRequest> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > DEFAULT_UPLOAD_LIMITS.maxUploadBytes + 64 * 1024) throw new AppError('payload_too_large', 'Файл больше 10 МБ.');
  const form = await request.formData().catch(() => {
    throw new AppError('validation', 'Ожидается форма multipart/form-data с полем file.');
  });
  const input = parseInput(formSchema, {
    file: form.get('file') ?? undefined,
    mapping: form.get('mapping') ?? undefined,
    headerRow: form.get('headerRow') ?? undefined,
    sheet: form.get('sheet') ?? undefined,
  });
  return {
    file: { bytes: new Uint8Array(await input.file.arrayBuffer()), filename: input.file.name, mimeType: input.file.type },
    mapping: input.mapping,
    headerRow: input.headerRow,
    sheetIndex: input.sheet,
    dryRun: new URL(request.url).searchParams.get('dryRun') === 'true',
  };
}
