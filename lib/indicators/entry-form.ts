/**
 * The data-entry grid's form: one organisation, one period (a year, or a quarter of it), one row per entered
 * indicator. Row R's fields are named `indicatorId.R`, `value.R`, `numerator.R`, `denominator.R`, `comment.R`,
 * `version.R`, and the evidence file `file.R` (a File) with `removeFile.R`; rows left blank are not sent to the
 * write path, and its per-cell messages are put back on the grid's rows. Pure: no database.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { cellFigures, parseCellTexts } from './matrix-form';
import { year } from './schemas';

const ROW_FIELDS = ['indicatorId', 'value', 'numerator', 'denominator', 'comment', 'version', 'removeFile', 'stored'] as const;
const ROW_FIELD = /^(indicatorId|value|numerator|denominator|comment|version|removeFile|stored)\.(\d{1,4})$/;
const FILE_FIELD = /^file\.(\d{1,4})$/;

/** A chosen file of the form (an empty file input sends a nameless empty File: no file). */
const isChosenFile = (value: unknown): value is File => typeof File !== 'undefined' && value instanceof File && value.size > 0;

/** Form fields named `value.3` (row 3) gathered into parallel lists; unique names keep what was typed on a failed save. */
function gatherRows(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const out: Record<string, unknown> = { ...raw };
  const lists: Record<string, string[]> = Object.fromEntries(ROW_FIELDS.map((f) => [f, []]));
  const files: (File | null)[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const match = ROW_FIELD.exec(key);
    if (match && typeof value === 'string') lists[match[1]!]![Number(match[2])] = value;
    const file = FILE_FIELD.exec(key);
    if (file && isChosenFile(value)) files[Number(file[1])] = value;
  }
  const count = lists.indicatorId!.length;
  for (const field of ROW_FIELDS) out[field] = Array.from({ length: count }, (_, i) => lists[field]![i] ?? '');
  out.file = Array.from({ length: count }, (_, i) => files[i] ?? null);
  return out;
}

export const entryFormSchema = z.preprocess(
  gatherRows,
  z.object({
    organisationId: z.uuid({ message: 'Организация: неверный идентификатор' }),
    year: year(),
    quarter: z.coerce.number({ message: 'Квартал: от 1 до 4 (0 — год целиком)' }).int().min(0, 'Квартал: от 1 до 4 (0 — год целиком)').max(4, 'Квартал: от 1 до 4 (0 — год целиком)').default(0),
    indicatorId: z.array(z.string()).max(500, 'Не больше 500 строк за раз'),
    value: z.array(z.string()),
    numerator: z.array(z.string()),
    denominator: z.array(z.string()),
    comment: z.array(z.string()),
    version: z.array(z.string()),
    removeFile: z.array(z.string()),
    /** What the row's inputs showed (JSON, `CellTexts`): a share whose numerator or denominator changed gets its value computed anew. */
    stored: z.array(z.string()),
    file: z.array(z.custom<File | null>((value) => value === null || isChosenFile(value))),
  }),
);
export type EntryForm = z.infer<typeof entryFormSchema>;

export interface EntryCell {
  indicatorId: string;
  organisationId: string;
  year: number;
  quarter: number;
  value: string;
  numerator: string;
  denominator: string;
  comment: string;
  version?: string;
  /** The row's chosen evidence file (read into bytes by the caller). */
  file?: File;
  removeFile?: true;
}

/** The cells to save and, for each, its row on the grid. A row with no value, numerator, denominator or file change is left out. */
export function entryCells(form: EntryForm): { cells: EntryCell[]; rows: number[] } {
  const cells: EntryCell[] = [];
  const rows: number[] = [];
  form.indicatorId.forEach((indicatorId, row) => {
    const typed = { c: form.value[row]?.trim() ?? '', n: form.numerator[row]?.trim() ?? '', d: form.denominator[row]?.trim() ?? '', k: form.comment[row] ?? '' };
    const { value, numerator, denominator } = typed.c === '' && typed.n === '' && typed.d === '' ? { value: '', numerator: '', denominator: '' } : cellFigures(typed, parseCellTexts(form.stored[row] ?? ''));
    const file = form.file[row] ?? null;
    const removeFile = form.removeFile[row] === 'on' || form.removeFile[row] === 'true';
    if (value === '' && numerator === '' && denominator === '' && !file && !removeFile) return;
    const version = form.version[row]?.trim();
    cells.push({
      indicatorId,
      organisationId: form.organisationId,
      year: form.year,
      quarter: form.quarter,
      value,
      numerator,
      denominator,
      comment: form.comment[row] ?? '',
      ...(version ? { version } : {}),
      ...(file ? { file } : {}),
      ...(removeFile ? { removeFile: true as const } : {}),
    });
    rows.push(row);
  });
  return { cells, rows };
}

/** The write path names cells `values.N.…` by their place in the batch; the grid names them by row: `row.R`. */
export function onGridRows(error: unknown, rows: readonly number[]): unknown {
  if (!(error instanceof AppError) || error.issues.length === 0) return error;
  const issues = error.issues.map((issue) => {
    const match = issue.field ? /^values\.(\d+)\./.exec(issue.field) : null;
    const row = match ? rows[Number(match[1])] : undefined;
    return row === undefined ? issue : { ...issue, field: `row.${row}` };
  });
  return new AppError(error.code, error.message, issues);
}
