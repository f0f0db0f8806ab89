import { z } from 'zod';
import type { OperationSpec } from '@/lib/api/openapi';
import { SCHOOL_IMPORT_FIELDS } from './import/fields';

const fieldSource = z.union([z.object({ column: z.number().int() }), z.object({ value: z.string() })]);
const importResult = z.object({
  committed: z.boolean(),
  sheets: z.array(z.string()),
  headerRow: z.number(),
  headers: z.array(z.string()),
  mapping: z.partialRecord(z.enum(SCHOOL_IMPORT_FIELDS), fieldSource),
  counts: z.object({ create: z.number(), update: z.number(), unchanged: z.number(), newRegions: z.number(), newMunicipalities: z.number() }),
  issues: z.array(z.object({ message: z.string(), row: z.number().optional(), column: z.string().optional(), field: z.string().optional() })),
});

export const SCHOOL_OPERATIONS: OperationSpec[] = [
  {
    method: 'post',
    path: '/api/v1/schools/import',
    tag: 'Школы',
    summary: 'Импорт справочника школ из CSV/XLSX (ключ — ОГРН); с dryRun=true — только предпросмотр',
    params: [{ name: 'dryRun', in: 'query', description: 'true — ничего не записывать, вернуть план и ошибки' }],
    body: {
      contentType: 'multipart/form-data',
      description: 'Поля: file (CSV/XLSX до 10 МБ), mapping (JSON: поле → {column} или {value}), headerRow, sheet',
    },
    responses: {
      200: { description: 'План импорта или результат', schema: importResult },
      400: { description: 'Ошибки в файле: ничего не записано' },
      413: { description: 'Файл слишком большой' },
    },
  },
];
