import { describe, expect, it } from 'vitest';
import { applicable, type TargetRow } from './targets';

const rows: TargetRow[] = [
  { organisationId: null, kind: 'target', year: 2022, value: 100 },
  { organisationId: null, kind: 'target', year: 2021, value: 60 },
  { organisationId: null, kind: 'baseline', year: 2020, value: 30 },
  { organisationId: 'm1', kind: 'target', year: 2022, value: 80 },
];

describe('applicable', () => {
  it('a year\'s own target, else the next one ahead, else the last one', () => {
    expect(applicable(rows, 'target', 2021, null)).toEqual({ year: 2021, value: 60 });
    expect(applicable(rows, 'target', 2020, null)).toEqual({ year: 2021, value: 60 });
    expect(applicable(rows, 'target', 2026, null)).toEqual({ year: 2022, value: 100 });
  });
  it('an organisation\'s own target replaces the programme\'s; others get the programme\'s', () => {
    expect(applicable(rows, 'target', 2022, 'm1')).toEqual({ year: 2022, value: 80 });
    expect(applicable(rows, 'target', 2022, 'm2')).toEqual({ year: 2022, value: 100 });
  });
  it('baseline: the latest at or before the year, else the earliest; none → null', () => {
    expect(applicable(rows, 'baseline', 2022, null)).toEqual({ year: 2020, value: 30 });
    expect(applicable(rows, 'baseline', 2019, null)).toEqual({ year: 2020, value: 30 });
    expect(applicable([], 'baseline', 2019, null)).toBeNull();
  });
});
