import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorStatus, STATUS_RANK, type StatusInput } from './status';

const base: Omit<StatusInput, 'value'> = { target: 100, baseline: 40, direction: 'higher', closeShare: 0.8 };

describe('indicatorStatus', () => {
  it('exactly on target is «достигнуто», above too', () => {
    expect(indicatorStatus({ ...base, value: 100 })).toBe('achieved');
    expect(indicatorStatus({ ...base, value: 100.5 })).toBe('achieved');
  });

  it('exactly at the «близко» boundary (80 % of the way 40 → 100 = 88) is close, just below is behind', () => {
    expect(indicatorStatus({ ...base, value: 88 })).toBe('close');
    expect(indicatorStatus({ ...base, value: 87.99 })).toBe('behind');
    expect(indicatorStatus({ ...base, value: 99.99 })).toBe('close');
  });

  it('lower is better: at or under the target is reached, the boundary mirrors', () => {
    const lower = { target: 10, baseline: 30, direction: 'lower' as const, closeShare: 0.75 };
    expect(indicatorStatus({ ...lower, value: 10 })).toBe('achieved');
    expect(indicatorStatus({ ...lower, value: 2 })).toBe('achieved');
    expect(indicatorStatus({ ...lower, value: 15 })).toBe('close');
    expect(indicatorStatus({ ...lower, value: 15.01 })).toBe('behind');
  });

  it('no value or no target is «нет данных»', () => {
    expect(indicatorStatus({ ...base, value: null })).toBe('no_data');
    expect(indicatorStatus({ ...base, target: null, value: 50 })).toBe('no_data');
  });

  it('without a baseline «близко» is measured against the target itself (0 % target counts as 1)', () => {
    expect(indicatorStatus({ ...base, baseline: null, value: 80 })).toBe('close');
    expect(indicatorStatus({ ...base, baseline: null, value: 79 })).toBe('behind');
    expect(indicatorStatus({ target: 0, baseline: null, direction: 'lower', closeShare: 0.8, value: 0.2 })).toBe('close');
  });

  it('property: moving a value towards the target never worsens its status', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.option(fc.double({ min: -1000, max: 1000, noNaN: true }), { nil: null }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.constantFrom('higher' as const, 'lower' as const),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (value, step, baseline, target, direction, closeShare) => {
          const better = direction === 'higher' ? value + step : value - step;
          const before = indicatorStatus({ value, target, baseline, direction, closeShare });
          const after = indicatorStatus({ value: better, target, baseline, direction, closeShare });
          expect(STATUS_RANK[after]).toBeGreaterThanOrEqual(STATUS_RANK[before]);
        },
      ),
    );
  });
});
