/**
 * The organisations × indicators entry grid's form. Cell (row R, column C) is the input `c.R.C`; beside it the
 * hidden `o.R.C` (the text shown when the page was drawn) and `v.R.C` (the stored value's version); `org.R` and
 * `ind.C` name the row's organisation and the column's indicator. Only cells whose text changed are sent to the
 * write path, so the grid never rewrites what nobody touched. A cell takes a number («12,5», «12,5 %») or a share
 * as «3/4» or «3 из 4» (numerator and denominator). Pure: no database.
 */
import { AppError, type Issue } from '@/lib/errors';

const CELL = /^c\.(\d{1,4})\.(\d{1,3})$/;

export interface MatrixCellInput {
  indicatorId: string;
  organisationId: string;
  year: number;
  value: string;
  numerator: string;
  denominator: string;
  version?: string;
}

/** The text a cell shows for a stored value: «3/4» when it has numerator and denominator, else the number with a comma. */
export function cellText(value: { value: number; numerator: number | null; denominator: number | null } | null): string {
  if (!value) return '';
  const text = (n: number) => String(n).replace('.', ',');
  return value.numerator !== null && value.denominator !== null ? `${text(value.numerator)}/${text(value.denominator)}` : text(value.value);
}

const SHARE = /^\s*([\d\s\u00a0,.]+?)\s*(?:\/|из)\s*([\d\s\u00a0,.]+?)\s*$/i;

/** «3/4» or «3 из 4» → numerator and denominator; anything else is the value itself (checked by the write path). */
export function splitCellText(text: string): { value: string; numerator: string; denominator: string } {
  const share = SHARE.exec(text);
  if (share) return { value: '', numerator: share[1]!.trim(), denominator: share[2]!.trim() };
  return { value: text.trim().replace(/\s*%$/, ''), numerator: '', denominator: '' };
}

/**
 * The changed cells of a submitted grid, with each one's field name (`c.R.C`) for putting messages back on it.
 * A cell emptied that held a value is an error on that cell: values are corrected, not erased.
 */
export function matrixCells(form: Record<string, unknown>, year: number): { cells: MatrixCellInput[]; names: string[]; issues: Issue[] } {
  const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string) : '');
  const cells: MatrixCellInput[] = [];
  const names: string[] = [];
  const issues: Issue[] = [];
  for (const key of Object.keys(form).sort()) {
    const match = CELL.exec(key);
    if (!match) continue;
    const [, r, c] = match;
    const now = text(key).trim();
    const before = text(`o.${r}.${c}`).trim();
    if (now === before) continue;
    const organisationId = text(`org.${r}`);
    const indicatorId = text(`ind.${c}`);
    if (!organisationId || !indicatorId) continue;
    if (now === '') {
      issues.push({ field: key, message: `Значение «${before}» нельзя стереть: исправьте его или верните прежнее` });
      continue;
    }
    const version = text(`v.${r}.${c}`).trim();
    cells.push({ indicatorId, organisationId, year, ...splitCellText(now), ...(version ? { version } : {}) });
    names.push(key);
  }
  return { cells, names, issues };
}

/** The write path names cells `values.N.…` by their place in the batch; the grid by `c.R.C`. */
export function onMatrixCells(error: unknown, names: readonly string[]): unknown {
  if (!(error instanceof AppError) || error.issues.length === 0) return error;
  const issues = error.issues.map((issue) => {
    const match = issue.field ? /^values\.(\d+)\./.exec(issue.field) : null;
    const name = match ? names[Number(match[1])] : undefined;
    return name === undefined ? issue : { ...issue, field: name };
  });
  return new AppError(error.code, error.message, issues);
}
