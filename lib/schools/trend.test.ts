import { describe, expect, it } from 'vitest';
import { categoryTrend } from './trend';

describe('categoryTrend', () => {
  it('says nothing without runs', () => {
    expect(categoryTrend([])).toBeNull();
  });

  it('counts consecutive years of one category', () => {
    expect(
      categoryTrend([
        { year: 2026, category: 'low_results' },
        { year: 2024, category: 'low_results' },
        { year: 2025, category: 'low_results' },
      ]),
    ).toBe('ШНОР три года подряд (2024–2026).');
  });

  it('names a single year honestly', () => {
    expect(categoryTrend([{ year: 2026, category: 'both' }])).toBe('ШНОР и ШНСУ в 2026 году; других лет в расчётах нет.');
  });

  it('tells the change of category year by year, oldest first', () => {
    expect(
      categoryTrend([
        { year: 2026, category: 'none' },
        { year: 2025, category: 'low_results' },
        { year: 2024, category: 'low_results' },
      ]),
    ).toBe('В 2024–2025 годах — ШНОР, в 2026 году — не относится к ШНОР и ШНСУ.');
  });
});
