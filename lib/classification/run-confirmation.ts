import { pluralize } from '@/lib/format/ru';
import type { Category } from './classify';
import { SCHOOLS } from './format';

/**
 * The confirmation a user reads right after starting a run: what was classified and what came out, and that the
 * run is a draft until it is published. Pure: the page passes the stored run's own figures.
 */
export function runConfirmation(run: { year: number; schoolCount: number; counts: Partial<Record<Category, number>>; status: 'draft' | 'published' }): string {
  const count = (category: Category) => run.counts[category] ?? 0;
  const lowResults = count('low_results') + count('both');
  const unfavourable = count('unfavourable') + count('both');
  const parts = [
    `Расчёт за ${run.year} год выполнен: классифицировано ${pluralize(run.schoolCount, SCHOOLS)}`,
    `в перечне ШНОР — ${pluralize(lowResults, SCHOOLS)}, ШНСУ — ${pluralize(unfavourable, SCHOOLS)}`,
  ];
  const tail =
    run.status === 'draft'
      ? 'Расчёт сохранён как черновик: открытые страницы покажут его после публикации.'
      : 'Расчёт опубликован.';
  return `${parts.join('; ')}. ${tail}`;
}
