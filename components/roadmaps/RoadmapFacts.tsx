import type { Roadmap } from '@/db/schema/roadmaps';
import { formatYears } from '@/lib/roadmaps/deadline-label';
import { ROADMAP_LEVEL_LABELS } from '@/lib/roadmaps/schemas';
import { RoadmapStatusBadge } from './StatusBadge';

/** Owner, period, approving document, level and status of a road map, as a definition list. */
export function RoadmapFacts({ roadmap }: { roadmap: Roadmap & { ownerName: string } }) {
  const facts: [string, React.ReactNode][] = [
    ['Организация', roadmap.ownerName],
    ['Уровень', ROADMAP_LEVEL_LABELS[roadmap.level]],
    ['Период', formatYears(roadmap.periodStartYear, roadmap.periodEndYear)],
    ['Утверждающий документ', roadmap.approvalDocument ?? 'не указан'],
    ['Статус', <RoadmapStatusBadge key="status" status={roadmap.status} />],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      {facts.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-700">{term}</dt>
          <dd className="mb-1 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
