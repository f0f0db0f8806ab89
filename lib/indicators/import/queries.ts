import 'server-only';
/**
 * The indicator value import behind the portal's import wizard and the API: the uploaded file is read with the
 * shared reader's limits (a record import: at most 50 000 rows), then mapped, checked and planned; a dry run
 * answers the preview, a commit writes the plan in one transaction or nothing.
 */
import { z } from 'zod';
import type { ImportUpload } from '@/lib/api/upload';
import type { Actor } from '@/lib/auth/actor';
import { getDb, type Executor } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { isId } from '@/lib/ids';
import { fieldSourceSchema } from '@/lib/schools/import/mapping';
import { readTableFile, RECORD_IMPORT_LIMITS } from '@/lib/tabular';
import { importValueGridIn, type ValueImportResult } from './core';
import { VALUE_IMPORT_FIELDS, type ValueMapping } from './plan';

/** The mapping as the wizard or an API client sends it: field → {column} or {value}. */
export const valueMappingSchema = z
  .strictObject(Object.fromEntries(VALUE_IMPORT_FIELDS.map((field) => [field, fieldSourceSchema.optional()])))
  .transform((mapping) => mapping as ValueMapping);

export async function importIndicatorValues(actor: Actor, upload: ImportUpload<ValueMapping>, indicatorId?: string): Promise<ValueImportResult> {
  if (indicatorId !== undefined && !isId(indicatorId)) throw new AppError('not_found', 'Показатель не найден.');
  const file = await readTableFile(upload.file, RECORD_IMPORT_LIMITS);
  const sheetIndex = upload.sheetIndex ?? 0;
  const sheet = file.sheets[sheetIndex];
  if (!sheet || sheet.rows.length === 0) throw new AppError('validation', 'В файле нет данных: лист пуст.');
  const run = (executor: Executor) =>
    importValueGridIn(executor, actor, {
      rows: sheet.rows,
      sheets: file.sheets.map((s) => s.name),
      headerRow: upload.headerRow,
      mapping: upload.mapping,
      dryRun: upload.dryRun,
      indicatorId,
    });
  return upload.dryRun ? run(getDb()) : inTransaction(run);
}
