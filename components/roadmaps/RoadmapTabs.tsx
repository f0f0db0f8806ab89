import Link from 'next/link';
import { DownloadLinks } from '@/components/ui/DownloadLinks';

export type RoadmapTab = 'items' | 'timeline' | 'import' | 'print';

/** Views of one road map and its downloads; the current view is marked for screen readers. */
export function RoadmapTabs({ roadmapId, current, canImport }: { roadmapId: string; current: RoadmapTab; canImport: boolean }) {
  const base = `/roadmaps/${roadmapId}`;
  const tabs: { key: RoadmapTab; href: string; label: string }[] = [
    { key: 'items', href: base, label: 'Мероприятия' },
    { key: 'timeline', href: `${base}/timeline`, label: 'Хронология' },
    ...(canImport ? [{ key: 'import' as const, href: `${base}/import`, label: 'Импорт таблицы' }] : []),
    { key: 'print', href: `${base}/print`, label: 'Версия для печати' },
  ];
  return (
    <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-3 border-b border-slate-300 pb-2">
      <nav aria-label="Разделы дорожной карты">
        <ul className="flex flex-wrap gap-1">
          {tabs.map((tab) => (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={tab.key === current ? 'page' : undefined}
                className={`block rounded px-3 py-1.5 text-sm no-underline ${
                  tab.key === current ? 'bg-brand-600 text-white' : 'text-brand-700 hover:bg-brand-50'
                }`}
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <DownloadLinks href={`/api/v1/roadmaps/${roadmapId}/export`} />
    </div>
  );
}
