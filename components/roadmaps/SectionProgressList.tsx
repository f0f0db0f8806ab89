import type { SectionView } from '@/lib/roadmaps/views';
import { sectionTitle } from './labels';
import { ProgressSummaryView } from './ProgressSummaryView';

/** Progress of every section that has items: share done and overdue count. */
export function SectionProgressList({ sections }: { sections: SectionView[] }) {
  const withItems = sections.filter((section) => section.items.length > 0);
  if (withItems.length === 0) return null;
  return (
    <ul className="grid gap-3 md:grid-cols-2">
      {withItems.map((section) => (
        <li key={section.id} className="rounded border border-slate-200 bg-white p-3">
          <h3 className="mb-1 text-sm font-semibold">{sectionTitle(section)}</h3>
          <ProgressSummaryView progress={section.progress} label={sectionTitle(section)} />
        </li>
      ))}
    </ul>
  );
}
