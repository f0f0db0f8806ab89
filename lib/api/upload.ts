import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { DEFAULT_UPLOAD_LIMITS, type TableFileInput } from '@/lib/tabular';
import { formatMegabytes } from '@/lib/tabular/limits';
import { readFormBody } from './body';
import { parseInput } from '@/lib/validation';

export interface ImportUpload<M> {
  file: TableFileInput;
  mapping: M | undefined;
  headerRow: number | undefined;
  sheetIndex: number | undefined;
  dryRun: boolean;
}

/** A form field that carries JSON, parsed and then checked with `schema`. */
function jsonField<S extends z.ZodType>(schema: S, what: string) {
  return z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (!text) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: `${what} передано не в формате JSON` });
        return z.NEVER;
      }
    })
    .pipe(schema.optional());
}

/**
 * The multipart form every table import endpoint takes: `file` (CSV/XLSX), `mapping` (JSON: field → {column} or
 * {value}), `headerRow`, `sheet`, and `?dryRun=true` for the preview.
 */
export async function readImportUpload<S extends z.ZodType>(request: Request, mappingSchema: S): Promise<ImportUpload<z.infer<S>>> {
  // The file plus room for the form's other fields; read as it streams in and stopped at the limit.
  const limit = DEFAULT_UPLOAD_LIMITS.maxUploadBytes + 64 * 1024;
  const form = await readFormBody(request, limit, `Файл больше ${formatMegabytes(DEFAULT_UPLOAD_LIMITS.maxUploadBytes)}.`).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    throw new AppError('validation', 'Ожидается форма multipart/form-data с полем file.');
  });
  const schema = z.object({
    file: z.instanceof(File, { message: 'Выберите файл CSV или XLSX' }),
    mapping: jsonField(mappingSchema, 'Сопоставление столбцов'),
    headerRow: z.coerce.number().int().min(0, 'Номер строки заголовка не может быть отрицательным').optional(),
    sheet: z.coerce.number().int().min(0, 'Номер листа не может быть отрицательным').optional(),
  });
  const input = parseInput(schema, {
    file: form.get('file') ?? undefined,
    mapping: form.get('mapping') ?? undefined,
    headerRow: form.get('headerRow') ?? undefined,
    sheet: form.get('sheet') ?? undefined,
  });
  return {
    file: { bytes: new Uint8Array(await input.file.arrayBuffer()), filename: input.file.name, mimeType: input.file.type },
    mapping: input.mapping as z.infer<S> | undefined,
    headerRow: input.headerRow,
    sheetIndex: input.sheet,
    dryRun: new URL(request.url).searchParams.get('dryRun') === 'true',
  };
}
