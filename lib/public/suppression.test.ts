import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determinedHidden, linkedFigures, publicFigure, suppress, suppressCountTable, suppressedText, type SuppressionGroup } from './suppression';

/** Rank of a matrix by Gaussian elimination (an oracle independent of the implementation's echelon test). */
function rank(matrix: number[][]): number {
  const m = matrix.map((r) => [...r]);
  let rk = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && rk < m.length; c++) {
    let p = -1;
    for (let i = rk; i < m.length; i++) if (Math.abs(m[i]![c]!) > 1e-9) { p = i; break; }
    if (p < 0) continue;
    [m[rk], m[p]] = [m[p]!, m[rk]!];
    for (let i = 0; i < m.length; i++) {
      if (i === rk) continue;
      const f = m[i]![c]! / m[rk]![c]!;
      for (let j = 0; j < cols; j++) m[i]![j]! -= f * m[rk]![j]!;
    }
    rk++;
  }
  return rk;
}

/** A hidden figure can be computed from the published ones iff its column is not in the span of the other hidden columns. */
function derivable(hidden: boolean[], groups: SuppressionGroup[]): number[] {
  const vars = hidden.flatMap((h, i) => (h ? [i] : []));
  const matrix = groups.map((g) => vars.map((v) => (v === g.total ? 1 : 0) - g.parts.filter((p) => p === v).length));
  const full = rank(matrix);
  return vars.filter((_, k) => rank(matrix.map((row) => row.filter((__, j) => j !== k))) < full);
}

/** The same layout as suppressCountTable: cells, row totals, column totals, grand total. */
function tableGroups(rows: number, cols: number): SuppressionGroup[] {
  const rowBase = rows * cols;
  const colBase = rowBase + rows;
  const grand = colBase + cols;
  const groups: SuppressionGroup[] = [];
  for (let r = 0; r < rows; r++) groups.push({ total: rowBase + r, parts: Array.from({ length: cols }, (_, c) => r * cols + c) });
  for (let c = 0; c < cols; c++) groups.push({ total: colBase + c, parts: Array.from({ length: rows }, (_, r) => r * cols + c) });
  groups.push({ total: grand, parts: Array.from({ length: rows }, (_, r) => rowBase + r) });
  groups.push({ total: grand, parts: Array.from({ length: cols }, (_, c) => colBase + c) });
  return groups;
}

const tables = fc
  .record({ rows: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, cols }) => fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 })), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));


/**
 * The rule spelled out the slow way, as `suppress` documents it: hide the small figures, then, while the rank
 * oracle finds a derivable hidden figure, try hiding each published member of a relation that holds one and keep
 * the best by the same preference. `suppress` reads each trial off one reduction; it must decide the same.
 */
function referenceSuppress(figures: { n: number }[], groups: SuppressionGroup[], min = 10): (string | null)[] {
  const decision: (string | null)[] = figures.map((f) => (f.n < min ? 'small_group' : null));
  const hidden = () => decision.map((d) => d !== null);
  const totals = new Set(groups.map((g) => g.total));
  const before = (a: number[], b: number[]) => a.findIndex((x, i) => x !== b[i]) >= 0 && a[a.findIndex((x, i) => x !== b[i])]! < b[a.findIndex((x, i) => x !== b[i])]!;
  for (;;) {
    const exposed = derivable(hidden(), groups);
    if (exposed.length === 0) return decision;
    const candidates = new Set<number>();
    for (const g of groups) {
      const members = [g.total, ...g.parts];
      if (members.some((m) => exposed.includes(m))) for (const m of members) if (decision[m] === null) candidates.add(m);
    }
    if (candidates.size === 0) for (const m of linkedFigures(exposed, groups)) if (decision[m] === null) candidates.add(m);
    if (candidates.size === 0) return decision;
    let best: { figure: number; key: number[] } | null = null;
    for (const m of candidates) {
      const trial = hidden();
      trial[m] = true;
      const left = derivable(trial, groups).length;
      const key = [left < exposed.length ? 0 : 1, Number(totals.has(m)), left, figures[m]!.n, m];
      if (!best || before(key, best.key)) best = { figure: m, key };
    }
    decision[best!.figure] = 'complementary';
  }
}

/** Schools, each in one municipality and one cluster, and the two kinds of weighted totals (as in figures.ts). */
const overlapping = fc
  .record({
    schools: fc.array(fc.record({ n: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 10, max: 60 })), municipality: fc.integer({ min: 0, max: 3 }), cluster: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 12 }),
  })
  .map(({ schools }) => {
    const figures = schools.map((s) => ({ n: s.n }));
    const groups: SuppressionGroup[] = [];
    for (const key of ['municipality', 'cluster'] as const) {
      for (const value of new Set(schools.map((s) => s[key]))) {
        const parts = schools.flatMap((s, i) => (s[key] === value ? [i] : []));
        figures.push({ n: parts.reduce((sum, i) => sum + schools[i]!.n, 0) });
        groups.push({ total: figures.length - 1, parts });
      }
    }
    return { figures, groups };
  });

describe('suppression', () => {
  it('a single figure from fewer than 10 pupils is never a number', () => {
    expect(publicFigure(57.3, 9)).toEqual({ shown: false, reason: 'small_group' });
    expect(publicFigure(57.3, 10)).toEqual({ shown: true, value: 57.3 });
    expect(publicFigure(57.3, null)).toEqual({ shown: false, reason: 'unknown_size' });
    expect(publicFigure(57.3, 4, 5)).toEqual({ shown: false, reason: 'small_group' });
    expect(suppressedText('small_group')).toBe('меньше 10 участников — не публикуется');
    expect(suppressedText('small_group', 5)).toBe('меньше 5 участников — не публикуется');
  });

  it('hides a second cell of a row when one hidden cell could be subtracted from the total', () => {
    const t = suppressCountTable({ cells: [[3, 20, 30]], withTotals: true });
    expect(t.cells[0]![0]).toEqual({ shown: false, reason: 'small_group' });
    expect(t.cells[0]![1]).toEqual({ shown: false, reason: 'complementary' });
    expect(t.cells[0]![2]).toEqual({ shown: true, value: 30 });
    expect(t.rowTotals[0]).toEqual({ shown: true, value: 53 });
  });

  it('a total equal to one hidden part is hidden too', () => {
    const d = suppress({ figures: [{ n: 5 }, { n: 5 }], groups: [{ total: 1, parts: [0] }] });
    expect(d).toEqual(['small_group', 'small_group']);
    const e = suppress({ figures: [{ n: 5 }, { n: 50 }, { n: 45 }], groups: [{ total: 1, parts: [0, 2] }] });
    expect(e[0]).toBe('small_group');
    expect(e.filter((x) => x !== null).length).toBeGreaterThanOrEqual(2);
  });

  it('finds a figure pinned by a chain of relations (a bridge between two hidden cycles)', () => {
    // Row equations a+b=x, column a+c=y and so on: determinedHidden must agree with the rank oracle.
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }), (hidden) => {
        const groups = tableGroups(3, 3);
        expect(determinedHidden(hidden, groups)).toEqual(derivable(hidden, groups));
      }),
      { numRuns: 300 },
    );
  });

  it('for random tables, no published cell and no derivable cell comes from fewer than 10 pupils', () => {
    fc.assert(
      fc.property(tables, fc.boolean(), (cells, withTotals) => {
        const rows = cells.length;
        const cols = cells[0]!.length;
        const t = suppressCountTable({ cells, withTotals });
        const published = [...t.cells.flat(), ...(withTotals ? [...t.rowTotals, ...t.columnTotals, t.total] : [])];
        const all = [...cells.flat(), ...cells.map((r) => r.reduce((s, v) => s + v, 0)), ...Array.from({ length: cols }, (_, c) => cells.reduce((s, r) => s + r[c]!, 0)), cells.flat().reduce((s, v) => s + v, 0)];
        // Nothing shown is smaller than 10, and what is shown is the true figure.
        published.forEach((p, i) => {
          if (p.shown) {
            expect(p.value).toBeGreaterThanOrEqual(10);
            expect(p.value).toBe(all[i]);
          }
        });
        if (!withTotals) return;
        const hidden = [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total].map((p) => !p.shown);
        // No hidden figure can be computed exactly from the published ones and the totals' relations.
        expect(derivable(hidden, tableGroups(rows, cols))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
  it('for random overlapping totals (municipal and cluster means), no hidden figure can be derived', () => {
    // Found by this property: 8 = 1 + 3 has no published neighbour, yet 8 = 5 − 0 − 9 + 6 through four relations.
    const chain = {
      figures: [10, 0, 10, 0, 0, 10, 10, 10, 0, 10].map((n) => ({ n })),
      groups: [{ total: 5, parts: [0, 1, 4] }, { total: 6, parts: [2, 3] }, { total: 7, parts: [0] }, { total: 8, parts: [1, 3] }, { total: 9, parts: [2, 4] }],
    };
    expect(derivable(suppress(chain).map((d) => d !== null), chain.groups)).toEqual([]);
    expect(linkedFigures([8], chain.groups)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    fc.assert(
      fc.property(overlapping, ({ figures, groups }) => {
        const decision = suppress({ figures, groups });
        decision.forEach((d, i) => {
          if (d === null) expect(figures[i]!.n).toBeGreaterThanOrEqual(10);
        });
        expect(derivable(decision.map((d) => d !== null), groups)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('decides exactly as the rule spelled out the slow way, for tables and for overlapping totals', () => {
    fc.assert(
      fc.property(tables, (cells) => {
        const rows = cells.length;
        const cols = cells[0]!.length;
        const groups = tableGroups(rows, cols);
        const values = cells.flat();
        for (let r = 0; r < rows; r++) values.push(cells[r]!.reduce((a, b) => a + b, 0));
        for (let c = 0; c < cols; c++) values.push(cells.reduce((a, row) => a + row[c]!, 0));
        values.push(cells.flat().reduce((a, b) => a + b, 0));
        const figures = values.map((n) => ({ n }));
        expect(suppress({ figures, groups })).toEqual(referenceSuppress(figures, groups));
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(overlapping, ({ figures, groups }) => {
        expect(suppress({ figures, groups })).toEqual(referenceSuppress(figures, groups));
      }),
      { numRuns: 150 },
    );
  });
});
