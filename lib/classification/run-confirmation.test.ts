import { describe, expect, it } from 'vitest';
import { runConfirmation } from './run-confirmation';

describe('confirmation after a run', () => {
  it('names the year, the schools classified and both lists, with Russian plurals', () => {
    expect(runConfirmation({ year: 2026, schoolCount: 31, counts: { low_results: 3, both: 1, unfavourable: 4, none: 23 }, status: 'draft' })).toBe(
      'Расчёт за 2026 год выполнен: классифицировано 31 школа; в перечне ШНОР — 4 школы, ШНСУ — 5 школ. ' +
        'Расчёт сохранён как черновик: открытые страницы покажут его после публикации.',
    );
  });

  it('counts a school in both lists once in each, and says when the run is already published', () => {
    expect(runConfirmation({ year: 2025, schoolCount: 1, counts: { both: 1 }, status: 'published' })).toBe(
      'Расчёт за 2025 год выполнен: классифицировано 1 школа; в перечне ШНОР — 1 школа, ШНСУ — 1 школа. Расчёт опубликован.',
    );
  });
});
