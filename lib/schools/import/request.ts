import { z } from 'zod';
import { importMappingSchema } from './mapping';

/** The multipart form of `POST /api/v1/schools/import`. */
export const schoolImportFormSchema = z.object({
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
    .pipe(importMappingSchema.optional()),
  headerRow: z.coerce.number().int().min(0, 'Номер строки заголовка не может быть отрицательным').optional(),
  sheet: z.coerce.number().int().min(0).optional(),
});
