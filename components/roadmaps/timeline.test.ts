import { describe, expect, it } from 'vitest';
import { barGeometry, timelineMonths, todayPercent } from './timeline';

describe('timelineMonths', () => {
  it('lists every month of every year of the period', () => {
    const months = timelineMonths(2021, 2023);
    expect(months).toHaveLength(36);
    expect(months[0]).toEqual({ year: 2021, month: 1, label: 'янв' });
    expect(months[35]).toEqual({ year: 2023, month: 12, label: 'дек' });
  });
});

describe('barGeometry', () => {
  it('places a whole year of a three-year period in the first third', () => {
    const bar = barGeometry(2021, 2023, '2021-01-01', '2021-12-31');
    expect(bar?.leftPercent).toBe(0);
    expect(bar?.widthPercent).toBeCloseTo(33.3, 1);
  });

  it('places the last month at the right edge', () => {
    const bar = barGeometry(2022, 2022, '2022-12-01', '2022-12-31');
    expect(bar?.leftPercent).toBeCloseTo(91.51, 1);
    expect((bar?.leftPercent ?? 0) + (bar?.widthPercent ?? 0)).toBeCloseTo(100, 1);
  });

  it('clips an item that starts before the period and keeps the flag', () => {
    const bar = barGeometry(2022, 2023, '2020-09-01', '2022-06-30');
    expect(bar).toMatchObject({ leftPercent: 0, clippedStart: true, clippedEnd: false });
    expect(bar?.widthPercent).toBeCloseTo(24.8, 1);
  });

  it('gives a one-day item a visible sliver that stays inside the track', () => {
    const bar = barGeometry(2021, 2021, '2021-12-31', '2021-12-31');
    expect(bar?.widthPercent).toBeGreaterThanOrEqual(0.4);
    expect((bar?.leftPercent ?? 0) + (bar?.widthPercent ?? 0)).toBeLessThanOrEqual(100);
  });

  it('returns null for items outside the period or with unreadable dates', () => {
    expect(barGeometry(2021, 2023, '2019-01-01', '2019-12-31')).toBeNull();
    expect(barGeometry(2021, 2023, 'март', '2021-12-31')).toBeNull();
  });
});

describe('todayPercent', () => {
  it('is the position of today inside the period and null outside it', () => {
    expect(todayPercent(2021, 2021, '2021-07-02')).toBeCloseTo(49.86, 1);
    expect(todayPercent(2021, 2023, '2030-01-01')).toBeNull();
  });
});
