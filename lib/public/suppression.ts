/**
 * The one rule of small-group suppression for everything the public sees (pages, CSV, JSON): a figure computed
 * from fewer than `min` pupils (10 by default) is never published — it reads «меньше 10 участников — не
 * публикуется» — and neither is any figure from which a hidden one could be recovered by subtraction from a
 * published total (complementary suppression). Pure: no database, no framework.
 *
 * A caller describes its figures by the number of pupils each is computed from (`n`; null when that number is not
 * known, which hides the figure too) and the additive relations between them (`groups`: a total equals the sum of
 * its parts — a row total, a column total, a municipal mean weighted by participants). `suppress` hides every
 * small figure, then keeps hiding the smallest published member of a relation until no hidden figure can be
 * computed exactly from the published ones through any combination of the relations (checked by elimination).
 */

export const DEFAULT_MIN_GROUP = 10;

/** Why a figure is not published: a group under the minimum, an unknown group size, or protection of a neighbour. */
export type SuppressionReason = 'small_group' | 'unknown_size' | 'complementary';

export interface SuppressionFigure {
  /** Pupils the figure is computed from; null when unknown. Infinity: not about pupils (a count of schools, a date). */
  n: number | null;
}

/** `total` = sum of `parts` (indices into the figures). */
export interface SuppressionGroup {
  total: number;
  parts: readonly number[];
}

export interface SuppressionInput {
  figures: readonly SuppressionFigure[];
  groups?: readonly SuppressionGroup[];
  min?: number;
}

/** For each figure: null when it is published, else why it is hidden. */
export type SuppressionDecision = (SuppressionReason | null)[];

const EPS = 1e-9;

function primaryReason(n: number | null, min: number): SuppressionReason | null {
  if (n === null || Number.isNaN(n)) return 'unknown_size';
  return n < min ? 'small_group' : null;
}

/**
 * The relations over the hidden figures brought to reduced row echelon form (Gauss–Jordan), each row carrying
 * the combination of relations it was made of: enough to tell which hidden figures are determined, and what
 * hiding one more figure would change, without reducing again.
 */
interface Reduction {
  /** The hidden figures, one per column. */
  variables: number[];
  /** Rows over the variables, then over the relations (the row operations); rows `rank` and on have no variable left. */
  rows: Float64Array[];
  rank: number;
  /** Each determined hidden figure and the row of its pivot. */
  determined: { figure: number; row: number }[];
}

function reduce(hidden: readonly boolean[], groups: readonly SuppressionGroup[]): Reduction {
  const variables = hidden.flatMap((h, i) => (h ? [i] : []));
  const width = variables.length + groups.length;
  const column = new Map(variables.map((v, c) => [v, c]));
  const rows = groups.map((g, k) => {
    const row = new Float64Array(width);
    const add = (figure: number, coefficient: number) => {
      const c = column.get(figure);
      if (c !== undefined) row[c]! += coefficient;
    };
    add(g.total, 1);
    for (const p of g.parts) add(p, -1);
    row[variables.length + k] = 1;
    return row;
  });
  const pivots: { row: number; col: number }[] = [];
  let r = 0;
  for (let c = 0; c < variables.length && r < rows.length; c++) {
    let best = -1;
    for (let i = r; i < rows.length; i++) if (Math.abs(rows[i]![c]!) > EPS && (best < 0 || Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!))) best = i;
    if (best < 0) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivotRow = rows[r]!;
    const pivot = pivotRow[c]!;
    for (let j = 0; j < width; j++) pivotRow[j]! /= pivot;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const row = rows[i]!;
      const factor = row[c]!;
      if (Math.abs(factor) <= EPS) continue;
      for (let j = 0; j < width; j++) row[j]! -= factor * pivotRow[j]!;
    }
    pivots.push({ row: r, col: c });
    r++;
  }
  const pivotCols = new Set(pivots.map((p) => p.col));
  const determined: { figure: number; row: number }[] = [];
  for (const { row, col } of pivots) {
    let free = false;
    for (let j = 0; j < variables.length && !free; j++) free = j !== col && !pivotCols.has(j) && Math.abs(rows[row]![j]!) > EPS;
    if (!free) determined.push({ figure: variables[col]!, row });
  }
  return { variables, rows, rank: r, determined };
}

/**
 * The hidden figures that the relations determine exactly from the published ones. Each relation is a linear
 * equation over the hidden figures (the published ones are known constants); a hidden figure is determined when
 * every solution of the homogeneous system has it at zero, i.e. after reduction to row echelon form its pivot
 * row has no free column.
 */
export function determinedHidden(hidden: readonly boolean[], groups: readonly SuppressionGroup[]): number[] {
  return reduce(hidden, groups).determined.map((d) => d.figure).sort((a, b) => a - b);
}

/**
 * How many hidden figures would be determined if one more published figure were hidden, read off the reduction
 * (no new one): that figure's column in the reduced system is the row operations applied to its coefficients in
 * the relations (`memberships`: the relation's index, +1 as its total, −1 as a part). A column outside the span
 * of the hidden ones is itself determined and changes nothing else; a column inside it frees every determined
 * figure its expression uses.
 */
function determinedIfHidden(reduction: Reduction, memberships: readonly (readonly [number, number])[]): number {
  const offset = reduction.variables.length;
  const reduced = (row: Float64Array) => memberships.reduce((sum, [group, coefficient]) => sum + row[offset + group]! * coefficient, 0);
  for (let i = reduction.rank; i < reduction.rows.length; i++) {
    if (Math.abs(reduced(reduction.rows[i]!)) > EPS) return reduction.determined.length + 1;
  }
  return reduction.determined.filter((d) => Math.abs(reduced(reduction.rows[d.row]!)) <= EPS).length;
}

/** Every figure linked to `start` through relations (two figures are linked when one relation holds both). */
export function linkedFigures(start: readonly number[], groups: readonly SuppressionGroup[]): number[] {
  const seen = new Set(start);
  const used = new Set<number>();
  for (let changed = true; changed; ) {
    changed = false;
    groups.forEach((g, k) => {
      if (used.has(k)) return;
      const members = [g.total, ...g.parts];
      if (!members.some((m) => seen.has(m))) return;
      used.add(k);
      changed = true;
      for (const m of members) seen.add(m);
    });
  }
  return [...seen].sort((a, b) => a - b);
}

function lexicallyBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** THE suppression decision for a set of public figures. */
export function suppress(input: SuppressionInput): SuppressionDecision {
  const min = input.min ?? DEFAULT_MIN_GROUP;
  const groups = input.groups ?? [];
  const decision: SuppressionDecision = input.figures.map((f) => primaryReason(f.n, min));
  const hidden = () => decision.map((d) => d !== null);
  const size = (i: number) => input.figures[i]!.n ?? 0;
  const totals = new Set(groups.map((g) => g.total));
  // Each figure's coefficients in the relations: +1 as a total, −1 as a part.
  const memberships = input.figures.map((): [number, number][] => []);
  groups.forEach((g, k) => {
    memberships[g.total]!.push([k, 1]);
    for (const p of g.parts) memberships[p]!.push([k, -1]);
  });
  for (;;) {
    const reduction = reduce(hidden(), groups);
    const exposed = reduction.determined.map((d) => d.figure);
    if (exposed.length === 0) return decision;
    // Candidates: the published members of every relation that holds an exposed figure. Prefer one that leaves fewer
    // exposed figures; among those a part before a total (a municipal mean is worth more to readers than one more
    // school's figure), then the fewest exposed, the fewest pupils, the first.
    const exposedSet = new Set(exposed);
    const candidates = new Set<number>();
    for (const g of groups) {
      const members = [g.total, ...g.parts];
      if (!members.some((m) => exposedSet.has(m))) continue;
      for (const m of members) if (decision[m] === null) candidates.add(m);
    }
    // No relation of an exposed figure has a published member left, yet the figure follows from published ones
    // through a chain of relations: any published figure linked to it through relations may break the chain.
    if (candidates.size === 0) for (const m of linkedFigures(exposed, groups)) if (decision[m] === null) candidates.add(m);
    if (candidates.size === 0) return decision; // everything linked to it is hidden already
    let best: { figure: number; key: number[] } | null = null;
    for (const m of candidates) {
      const left = determinedIfHidden(reduction, memberships[m]!);
      const key = [left < exposed.length ? 0 : 1, Number(totals.has(m)), left, size(m), m];
      if (!best || lexicallyBefore(key, best.key)) best = { figure: m, key };
    }
    decision[best!.figure] = 'complementary';
  }
}

/** A figure as the public sees it: its value, or why it is not published. */
export type PublicValue<T> = { shown: true; value: T } | { shown: false; reason: SuppressionReason };

/** «меньше 10 участников — не публикуется», and the texts of the other reasons. */
export function suppressedText(reason: SuppressionReason, min = DEFAULT_MIN_GROUP): string {
  switch (reason) {
    case 'small_group':
      return `меньше ${min} участников — не публикуется`;
    case 'unknown_size':
      return 'число участников неизвестно — не публикуется';
    case 'complementary':
      return 'не публикуется, чтобы нельзя было вычислить скрытую величину';
  }
}

/** Values paired with the decision. */
export function applySuppression<T>(values: readonly T[], decision: SuppressionDecision): PublicValue<T>[] {
  return values.map((value, i) => {
    const reason = decision[i] ?? null;
    return reason === null ? { shown: true, value } : { shown: false, reason };
  });
}

/** One figure alone (no relation to others): published when computed from at least `min` pupils. */
export function publicFigure<T>(value: T, n: number | null, min = DEFAULT_MIN_GROUP): PublicValue<T> {
  return applySuppression([value], suppress({ figures: [{ n }], min }))[0]!;
}

export interface CountTable {
  /** cells[row][column]: counts of pupils (a cell's own count is its group size). */
  cells: readonly (readonly number[])[];
  /** Row totals, column totals and the grand total are published beside the cells. */
  withTotals: boolean;
}

export interface SuppressedCountTable {
  cells: PublicValue<number>[][];
  rowTotals: PublicValue<number>[];
  columnTotals: PublicValue<number>[];
  total: PublicValue<number>;
}

/**
 * A table of counts (marks distributions, participants by school and subject) with its row, column and grand
 * totals, through `suppress`: figures are laid out as cells, then row totals, column totals, the grand total.
 */
export function suppressCountTable(table: CountTable, min = DEFAULT_MIN_GROUP): SuppressedCountTable {
  const rows = table.cells.length;
  const cols = Math.max(0, ...table.cells.map((r) => r.length));
  const cell = (r: number, c: number) => table.cells[r]?.[c] ?? 0;
  const values: number[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) values.push(cell(r, c));
  const rowTotal = (r: number) => table.cells[r]!.reduce((s, v) => s + v, 0);
  const colTotal = (c: number) => table.cells.reduce((s, row) => s + (row[c] ?? 0), 0);
  const rowBase = rows * cols;
  const colBase = rowBase + rows;
  const grand = colBase + cols;
  for (let r = 0; r < rows; r++) values.push(rowTotal(r));
  for (let c = 0; c < cols; c++) values.push(colTotal(c));
  values.push(values.slice(0, rowBase).reduce((s, v) => s + v, 0));
  const groups: SuppressionGroup[] = [];
  if (table.withTotals) {
    for (let r = 0; r < rows; r++) groups.push({ total: rowBase + r, parts: Array.from({ length: cols }, (_, c) => r * cols + c) });
    for (let c = 0; c < cols; c++) groups.push({ total: colBase + c, parts: Array.from({ length: rows }, (_, r) => r * cols + c) });
    groups.push({ total: grand, parts: Array.from({ length: rows }, (_, r) => rowBase + r) });
    groups.push({ total: grand, parts: Array.from({ length: cols }, (_, c) => colBase + c) });
  }
  const decision = suppress({ figures: values.map((n) => ({ n })), groups, min });
  const shown = applySuppression(values, decision);
  return {
    cells: Array.from({ length: rows }, (_, r) => shown.slice(r * cols, r * cols + cols)),
    rowTotals: shown.slice(rowBase, rowBase + rows),
    columnTotals: shown.slice(colBase, colBase + cols),
    total: shown[grand]!,
  };
}
