/** Which baseline and target apply to an organisation in a year. Pure. */

export interface TargetRow {
  organisationId: string | null;
  kind: 'baseline' | 'target';
  year: number;
  value: number;
}

/**
 * The organisation's own rows win over the programme's (organisation null). Target of a year: that year's, else
 * the nearest later one (the goal still ahead), else the latest earlier one (the final goal stays in force).
 * Baseline: the latest at or before the year, else the earliest.
 */
export function applicable(rows: readonly TargetRow[], kind: 'baseline' | 'target', year: number, organisationId: string | null): { year: number; value: number } | null {
  const own = rows.filter((r) => r.kind === kind && organisationId !== null && r.organisationId === organisationId);
  const pool = own.length > 0 ? own : rows.filter((r) => r.kind === kind && r.organisationId === null);
  if (pool.length === 0) return null;
  const sorted = [...pool].sort((a, b) => a.year - b.year);
  if (kind === 'target') {
    const pick = sorted.find((r) => r.year >= year) ?? sorted[sorted.length - 1]!;
    return { year: pick.year, value: pick.value };
  }
  const before = sorted.filter((r) => r.year <= year);
  const pick = before.length > 0 ? before[before.length - 1]! : sorted[0]!;
  return { year: pick.year, value: pick.value };
}
