/**
 * The entry grid of several rows × indicators: organisations × indicators for a period, or one organisation ×
 * indicators × years. Row R names its organisation `org.R` and its year `y.R` (else the form's `year`); column C
 * its indicator `ind.C`; the form's `quarter` is the period's quarter (0 — the year). Cell (R, C) has the value
 * input `c.R.C`, for a share also the numerator `n.R.C` and denominator `d.R.C`, the comment `k.R.C`; beside them
 * the hidden `o.R.C` (what the inputs showed when the page was drawn, as JSON) and `v.R.C` (the stored value's
 * version). Only cells whose inputs changed are sent to the write path, so the grid never rewrites what nobody
 * touched. The value takes a number («12,5», «12,5 %») or a share as «3/4» or «3 из 4». Pure: no database.
 */
import { AppError } from '@/lib/errors';

const CELL = /^c\.(\d{1,4})\.(\d{1,3})$/;

export interface MatrixCellInput {
  indicatorId: string;
  organisationId: string;
  year: number;
  quarter: number;
  value: string;
  numerator: string;
  denominator: string;
  comment: string;
  version?: string;
}

/** What a cell's inputs show for a stored value (and hold, as JSON, in `o.R.C`). */
export interface CellTexts {
  c: string;
  n: string;
  d: string;
  k: string;
}

const numberText = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

/** The text a single value input shows for a stored value: «3/4» when it has numerator and denominator, else the number with a comma. */
export function cellText(value: { value: number; numerator: number | null; denominator: number | null } | null): string {
  if (!value) return '';
  return value.numerator !== null && value.denominator !== null ? `${numberText(value.numerator)}/${numberText(value.denominator)}` : numberText(value.value);
}

/**
 * The inputs of a cell for a stored value: a share cell shows the value, numerator and denominator in their own
 * inputs; any other cell its value (as «3/4» when it was stored so). The comment as stored.
 */
export function cellTexts(value: { value: number; numerator: number | null; denominator: number | null; comment: string } | null, share: boolean): CellTexts {
  if (!value) return { c: '', n: '', d: '', k: '' };
  if (share) return { c: numberText(value.value), n: numberText(value.numerator), d: numberText(value.denominator), k: value.comment };
  return { c: cellText(value), n: '', d: '', k: value.comment };
}

const SHARE = /^\s*([\d\s\u00a0,.]+?)\s*(?:\/|из)\s*([\d\s\u00a0,.]+?)\s*$/i;

/** «3/4» or «3 из 4» → numerator and denominator; anything else is the value itself (checked by the write path). */
export function splitCellText(text: string): { value: string; numerator: string; denominator: string } {
  const share = SHARE.exec(text);
  if (share) return { value: '', numerator: share[1]!.trim(), denominator: share[2]!.trim() };
  return { value: text.trim().replace(/\s*%$/, ''), numerator: '', denominator: '' };
}

/** What the inputs showed (the hidden JSON beside them). */
export function parseCellTexts(text: string): CellTexts {
  const empty = { c: '', n: '', d: '', k: '' };
  if (!text) return empty;
  try {
    const parsed = JSON.parse(text) as Partial<CellTexts>;
    return { c: String(parsed.c ?? ''), n: String(parsed.n ?? ''), d: String(parsed.d ?? ''), k: String(parsed.k ?? '') };
  } catch {
    // An older page sent the value's text alone.
    return { ...empty, c: text };
  }
}

/**
 * The figures to send for a cell's inputs. What was changed wins: numerator and denominator changed under an
 * unchanged value → the value is computed from them (× 100 for a percent); a value changed under an unchanged share
 * → the old numerator and denominator no longer hold and are dropped; both changed → both sent (the write path
 * checks they agree). A «3/4» typed in the value input is split.
 */
export function cellFigures(now: CellTexts, before: CellTexts): { value: string; numerator: string; denominator: string } {
  const valueChanged = now.c !== before.c;
  const shareChanged = now.n !== before.n || now.d !== before.d;
  if ((now.n === '' && now.d === '') || (valueChanged && !shareChanged)) return splitCellText(now.c);
  return { value: shareChanged && !valueChanged ? '' : now.c.replace(/\s*%$/, ''), numerator: now.n, denominator: now.d };
}

/**
 * The changed cells of a submitted grid, with each one's field name (`c.R.C`) for putting messages back on it, and
 * the names of cells emptied that held a value (values are corrected, not erased: the write path refuses an empty
 * value, and `onMatrixCells` says so in these words).
 */
export function matrixCells(form: Record<string, unknown>, year: number, quarter = 0): { cells: MatrixCellInput[]; names: string[]; erased: Map<string, string> } {
  const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string) : '');
  const has = (key: string) => typeof form[key] === 'string';
  const cells: MatrixCellInput[] = [];
  const names: string[] = [];
  const erased = new Map<string, string>();
  for (const key of Object.keys(form).sort()) {
    const match = CELL.exec(key);
    if (!match) continue;
    const [, r, c] = match;
    const before = parseCellTexts(text(`o.${r}.${c}`).trim());
    // An input the cell does not have keeps what was shown.
    const now: CellTexts = {
      c: text(key).trim(),
      n: has(`n.${r}.${c}`) ? text(`n.${r}.${c}`).trim() : before.n,
      d: has(`d.${r}.${c}`) ? text(`d.${r}.${c}`).trim() : before.d,
      k: has(`k.${r}.${c}`) ? text(`k.${r}.${c}`).trim() : before.k,
    };
    if (now.c === before.c && now.n === before.n && now.d === before.d && now.k === before.k) continue;
    const organisationId = text(`org.${r}`);
    const indicatorId = text(`ind.${c}`);
    if (!organisationId || !indicatorId) continue;
    const rowYear = Number(text(`y.${r}`) || year);
    const version = text(`v.${r}.${c}`).trim();
    const figures = cellFigures(now, before);
    if (figures.value === '' && figures.numerator === '' && figures.denominator === '' && (before.c !== '' || before.n !== '')) {
      erased.set(key, before.n !== '' ? `${before.n}/${before.d}` : before.c);
    }
    cells.push({ indicatorId, organisationId, year: Number.isInteger(rowYear) ? rowYear : year, quarter, ...figures, comment: now.k, ...(version ? { version } : {}) });
    names.push(key);
  }
  return { cells, names, erased };
}

/**
 * The write path names cells `values.N.…` by their place in the batch; the grid by `c.R.C`. A cell emptied that
 * held a value gets that said instead of the write path's «укажите значение».
 */
export function onMatrixCells(error: unknown, names: readonly string[], erased: ReadonlyMap<string, string> = new Map()): unknown {
  if (!(error instanceof AppError) || error.issues.length === 0) return error;
  const issues = error.issues.map((issue) => {
    const match = issue.field ? /^values\.(\d+)\./.exec(issue.field) : null;
    const name = match ? names[Number(match[1])] : undefined;
    if (name === undefined) return issue;
    const was = erased.get(name);
    return { field: name, message: was !== undefined ? `${issue.message.replace(/: укажите значение$/, '')}: значение «${was}» нельзя стереть — исправьте его или верните прежнее` : issue.message };
  });
  return new AppError(error.code, issues[0]?.message ?? error.message, issues);
}
