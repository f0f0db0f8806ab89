/**
 * How many schools fell into each category of a run: the run's own counts (every school it classified), labelled
 * as such, with how many of them the viewer's table shows when that is fewer.
 */
import { CATEGORY_NAMES, type Category } from '@/lib/classification/classify';
import { SCHOOLS } from '@/lib/classification/format';
import { formatNumber, pluralize } from '@/lib/format/ru';
import { CATEGORIES, CATEGORY_BADGES } from './labels';

export function CategoryCounts({ counts, label, total, visible }: { counts: Record<Category, number>; label: string; total: number; visible: number }) {
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">
        {label}: {pluralize(total, SCHOOLS)}
      </p>
      <ul className="flex flex-wrap gap-2" aria-label={`${label}: школ по категориям`} data-testid="category-counts">
        {CATEGORIES.map((c) => (
          <li key={c} className={`rounded px-3 py-1 text-sm ${CATEGORY_BADGES[CATEGORY_NAMES[c]]}`}>
            {CATEGORY_NAMES[c]}: <span className="font-semibold">{formatNumber(counts[c] ?? 0)}</span>
          </li>
        ))}
      </ul>
      {visible < total && (
        <p className="text-sm text-slate-700" data-testid="visible-schools">
          В таблице ниже — школы, доступные вам: {formatNumber(visible)} из {formatNumber(total)}.
        </p>
      )}
    </div>
  );
}
