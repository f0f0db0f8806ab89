/**
 * The data-entry grid's form: one organisation, one year, one row per entered indicator. Row R's fields are named
 * `indicatorId.R`, `value.R`, `numerator.R`, `denominator.R`, `comment.R`, `version.R`; rows left blank are not sent to the write path, and its per-cell messages are put back on the grid's rows.
 * Pure: no database.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { year } from './schemas';

const ROW_FIELDS = ['indicatorId', 'value', 'numerator', 'denominator', 'comment', 'version'] as const;
const ROW_FIELD = /^(indicatorId|value|numerator|denominator|comment|version)\.(\d{1,4})$/;

/** Form fields named `value.3` (row 3) gathered into parallel lists; unique names keep what was typed on a failed save. */
function gatherRows(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const out: Record<string, unknown> = { ...raw };
  const lists: Record<string, string[]> = Object.fromEntries(ROW_FIELDS.map((f) => [f, []]));
  for (const [key, value] of Object.entries(raw)) {
    const match = ROW_FIELD.exec(key);
    if (match && typeof value === 'string') lists[match[1]!]![Number(match[2])] = value;
  }
  const count = lists.indicatorId!.length;
  for (const field of ROW_FIELDS) out[field] = Array.from({ length: count }, (_, i) => lists[field]![i] ?? '');
  return out;
}

export const entryFormSchema = z.preprocess(
  gatherRows,
  z.object({
    organisationId: z.uuid({ message: 'Организация: неверный идентификатор' }),
    year: year(),
    indicatorId: z.array(z.string()).max(500, 'Не больше 500 строк за раз'),
    value: z.array(z.string()),
    numerator: z.array(z.string()),
    denominator: z.array(z.string()),
    comment: z.array(z.string()),
    version: z.array(z.string()),
  }),
);
export type EntryForm = z.infer<typeof entryFormSchema>;

export interface EntryCell {
  indicatorId: string;
  organisationId: string;
  year: number;
  value: string;
  numerator: string;
  denominator: string;
  comment: string;
  version?: string;
}

/** The cells to save and, for each, its row on the grid. A row with no value, numerator or denominator is left out. */
export function entryCells(form: EntryForm): { cells: EntryCell[]; rows: number[] } {
  const cells: EntryCell[] = [];
  const rows: number[] = [];
  form.indicatorId.forEach((indicatorId, row) => {
    const value = form.value[row]?.trim() ?? '';
    const numerator = form.numerator[row]?.trim() ?? '';
    const denominator = form.denominator[row]?.trim() ?? '';
    if (value === '' && numerator === '' && denominator === '') return;
    const version = form.version[row]?.trim();
    cells.push({ indicatorId, organisationId: form.organisationId, year: form.year, value, numerator, denominator, comment: form.comment[row] ?? '', ...(version ? { version } : {}) });
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
