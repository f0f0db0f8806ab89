import { describe, expect, it } from 'vitest';
import { defaultOrganisations, indicatorChart, type ChartValue } from './chart';
import type { TargetRow } from './targets';

const A = 'a0000000-0000-4000-8000-000000000001';
const B = 'b0000000-0000-4000-8000-000000000002';
const values: ChartValue[] = [
  { organisationId: A, organisationName: 'Барабинский', year: 2019, quarter: 0, value: 40 },
  { organisationId: A, organisationName: 'Барабинский', year: 2021, quarter: 0, value: 60 },
  { organisationId: A, organisationName: 'Барабинский', year: 2021, quarter: 2, value: 99 },
  { organisationId: B, organisationName: 'Искитимский', year: 2020, quarter: 0, value: 50 },
];
const targets: TargetRow[] = [
  { organisationId: null, kind: 'baseline', year: 2019, value: 30 },
  { organisationId: null, kind: 'target', year: 2022, value: 100 },
  { organisationId: A, kind: 'target', year: 2022, value: 80 },
];

describe('indicatorChart', () => {
  it('draws each chosen organisation by year with gaps, and the programme baseline and target as dashed lines', () => {
    const spec = indicatorChart('Доля ШНОР', 'процент', values, targets, [A, B]);
    expect(spec.labels).toEqual(['2019', '2020', '2021', '2022']);
    expect(spec.series.map((s) => s.label)).toEqual(['Барабинский', 'Искитимский', 'Базовое значение', 'Целевое значение']);
    expect(spec.series[0]!.data).toEqual([40, null, 60, null]);
    expect(spec.series[1]!.data).toEqual([null, 50, null, null]);
    expect(spec.series[2]).toMatchObject({ dashed: true, data: [30, 30, 30, 30] });
    expect(spec.series[3]).toMatchObject({ dashed: true, data: [100, 100, 100, 100] });
    expect(spec.summary).toContain('цель 2022 года — 100');
  });

  it('leaves out organisations not chosen and quarterly values', () => {
    const spec = indicatorChart('Доля', 'процент', values, [], [B]);
    expect(spec.labels).toEqual(['2020']);
    expect(spec.series.map((s) => s.label)).toEqual(['Искитимский']);
    expect(spec.summary).toContain('цель не задана');
  });

  it('says so when there is nothing to draw', () => {
    const spec = indicatorChart('Доля', 'процент', [], [], []);
    expect(spec.series).toEqual([]);
    expect(spec.summary).toBe('Доля: значений и целей пока нет.');
  });
});

describe('defaultOrganisations', () => {
  it('puts the region first, then names in Russian order, within the limit', () => {
    const rows = [
      { organisationId: B, organisationName: 'Искитимский', year: 2020, quarter: 0, value: 1 },
      { organisationId: 'r', organisationName: 'Новосибирская область', organisationKind: 'region', year: 2020, quarter: 0, value: 1 },
      { organisationId: A, organisationName: 'Барабинский', year: 2020, quarter: 0, value: 1 },
    ];
    expect(defaultOrganisations(rows)).toEqual(['r', A, B]);
    expect(defaultOrganisations(rows, 2)).toEqual(['r', A]);
  });
});
