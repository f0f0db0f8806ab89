/** How many schools fell into each category of a run. */
import { CATEGORY_NAMES, type Category } from '@/lib/classification/classify';
import { formatNumber } from '@/lib/format/ru';
import { CATEGORIES, CATEGORY_BADGES } from './labels';

export function CategoryCounts({ counts }: { counts: Record<Category, number> }) {
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Школ по категориям" data-testid="category-counts">
      {CATEGORIES.map((c) => (
        <li key={c} className={`rounded px-3 py-1 text-sm ${CATEGORY_BADGES[CATEGORY_NAMES[c]]}`}>
          {CATEGORY_NAMES[c]}: <span className="font-semibold">{formatNumber(counts[c] ?? 0)}</span>
        </li>
      ))}
    </ul>
  );
}
