import type { Category } from '@/lib/classification/classify';
import { inProgramme, PUBLIC_CATEGORY_LABELS } from '@/lib/public/sentences';

/** The category in words with a shape mark, so colour is never the only signal. */
export function CategoryTag({ category }: { category: Category | null }) {
  if (category === null) return <span className="text-slate-700">нет опубликованного расчёта</span>;
  const programme = inProgramme(category);
  return (
    <span className={`inline-flex items-center gap-1 rounded border px-2 py-0.5 text-sm ${programme ? 'border-amber-700 bg-amber-50 text-amber-900' : 'border-slate-400 bg-slate-50 text-slate-800'}`}>
      <span aria-hidden="true">{programme ? '◆' : '○'}</span>
      {PUBLIC_CATEGORY_LABELS[category]}
    </span>
  );
}
