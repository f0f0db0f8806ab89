import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorWarning, type LinkedItemState, type WarningInput } from './warning';

const done = (n: number): LinkedItemState[] => Array.from({ length: n }, () => ({ doneOnTime: true, cancelled: false }));
const open = (n: number): LinkedItemState[] => Array.from({ length: n }, () => ({ doneOnTime: false, cancelled: false }));

const figures: Omit<WarningInput, 'items' | 'current'> = {
  direction: 'higher',
  baseline: { year: 2020, value: 40 },
  target: { year: 2022, value: 100 },
};

describe('indicatorWarning', () => {
  it('warns when 80 % of items are done on time and the indicator covered under half the expected way', () => {
    // 2021: half the time elapsed → expected 50 % of the way (30 points); 45 is 5/60 ≈ 8 % < 25 %.
    const r = indicatorWarning({ ...figures, items: [...done(4), ...open(1)], current: { year: 2021, value: 45 } });
    expect(r.kind).toBe('activities_done_not_moving');
    expect(r.doneShare).toBe(0.8);
    expect(r.expectedProgress).toBe(0.5);
    expect(r.message).toContain('Мероприятия выполняются, а показатель не меняется');
    expect(r.message).toContain('4 из 5');
  });

  it('no warning when activities lag below the threshold, or the indicator moved enough', () => {
    expect(indicatorWarning({ ...figures, items: [...done(3), ...open(2)], current: { year: 2021, value: 45 } }).kind).toBeNull();
    // Exactly half of the expected progress (25 % of 60 = 15 → 55) is not «не меняется».
    expect(indicatorWarning({ ...figures, items: done(5), current: { year: 2021, value: 55 } }).kind).toBeNull();
    expect(indicatorWarning({ ...figures, items: done(5), current: { year: 2021, value: 54.9 } }).kind).toBe('activities_done_not_moving');
  });

  it('cancelled items do not count; no items — no activities half', () => {
    const r = indicatorWarning({ ...figures, items: [...done(4), { doneOnTime: false, cancelled: true }], current: { year: 2021, value: 40 } });
    expect(r.totalItems).toBe(4);
    expect(r.kind).toBe('activities_done_not_moving');
    expect(indicatorWarning({ ...figures, items: [], current: { year: 2021, value: 40 } }).activitiesDone).toBe(false);
  });

  it('the reverse: indicator met while activities lag', () => {
    const r = indicatorWarning({ ...figures, items: [...done(1), ...open(3)], current: { year: 2021, value: 100 } });
    expect(r.kind).toBe('met_while_activities_lag');
    expect(r.message).toContain('1 из 4');
  });

  it('property: adding a done item never removes the «activities done» half', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ doneOnTime: fc.boolean(), cancelled: fc.boolean() }), { maxLength: 40 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (items, threshold) => {
        const before = indicatorWarning({ ...figures, items, current: { year: 2021, value: 50 }, doneThreshold: threshold });
        const after = indicatorWarning({ ...figures, items: [...items, { doneOnTime: true, cancelled: false }], current: { year: 2021, value: 50 }, doneThreshold: threshold });
        if (before.activitiesDone) expect(after.activitiesDone).toBe(true);
        expect(after.doneShare!).toBeGreaterThanOrEqual(before.doneShare ?? 0);
      }),
    );
  });
});
