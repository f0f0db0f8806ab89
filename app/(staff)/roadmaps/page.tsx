import type { Metadata } from 'next';
import Link from 'next/link';
import { ROADMAP_STATUS_BADGES } from '@/components/roadmaps/StatusBadge';
import { PageHeader } from '@/components/shell/PageHeader';
import { DataTable } from '@/components/ui/DataTable';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { hasOpenOverdue } from '@/lib/home/start-page';
import { formatYears } from '@/lib/roadmaps/deadline-label';
import { listRoadmaps } from '@/lib/roadmaps/queries';
import { ROADMAP_LEVEL_LABELS, ROADMAP_STATUS_LABELS } from '@/lib/roadmaps/schemas';
import { compareRussian, endSentence } from '@/lib/format/ru';

export const metadata: Metadata = { title: 'Дорожные карты' };

function options(values: Iterable<string>) {
  return [...new Set(values)].sort(compareRussian).map((value) => ({ value, label: value }));
}

/** Filters a link may open the list with (`?status=on_review&overdue=1`), as the table's filter values. */
function filtersFromQuery(query: { level?: string; status?: string; overdue?: string }): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.level && query.level in ROADMAP_LEVEL_LABELS) out.level = ROADMAP_LEVEL_LABELS[query.level as keyof typeof ROADMAP_LEVEL_LABELS];
  if (query.status && query.status in ROADMAP_STATUS_LABELS) out.status = ROADMAP_STATUS_LABELS[query.status as keyof typeof ROADMAP_STATUS_LABELS];
  if (query.overdue === '1') out.hasOverdue = OVERDUE;
  return out;
}

const OVERDUE = 'есть просроченные';

export default async function RoadmapsPage({ searchParams }: { searchParams: Promise<{ level?: string; status?: string; overdue?: string }> }) {
  const actor = await requireActor();
  const initialFilters = filtersFromQuery(await searchParams);
  const roadmaps = await listRoadmaps(actor);
  const rows = roadmaps.map((r) => ({
    title: r.title,
    href: `/roadmaps/${r.id}`,
    level: ROADMAP_LEVEL_LABELS[r.level],
    owner: r.ownerName,
    period: formatYears(r.periodStartYear, r.periodEndYear),
    status: ROADMAP_STATUS_LABELS[r.status],
    items: r.itemCount,
    done: Math.round(r.doneShare * 1000) / 10,
    overdue: r.overdueCount,
    hasOverdue: hasOpenOverdue(r) ? OVERDUE : null,
  }));
  return (
    <>
      <PageHeader
        title="Дорожные карты"
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Дорожные карты' }]}
        actions={
          can(actor, 'roadmap.write') && (
            <Link href="/roadmaps/new" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white no-underline">
              Создать дорожную карту
            </Link>
          )
        }
      >
        <p>Дорожные карты региона, муниципалитетов и школ в вашей зоне ответственности: {endSentence(actor.scope.organisationName)}</p>
      </PageHeader>
      <DataTable
        caption="Дорожные карты"
        rows={rows}
        columns={[
          { key: 'title', header: 'Название', kind: 'link', hrefKey: 'href' },
          { key: 'level', header: 'Уровень' },
          { key: 'owner', header: 'Организация' },
          { key: 'period', header: 'Период' },
          { key: 'status', header: 'Статус', badges: ROADMAP_STATUS_BADGES },
          { key: 'items', header: 'Мероприятий', kind: 'number' },
          { key: 'done', header: 'Выполнено, %', kind: 'number', fractionDigits: 1 },
          { key: 'overdue', header: 'Просрочено', kind: 'number' },
        ]}
        filters={[
          { key: 'level', label: 'Уровень', options: Object.values(ROADMAP_LEVEL_LABELS).map((v) => ({ value: v, label: v })) },
          { key: 'owner', label: 'Организация', options: options(rows.map((r) => r.owner)) },
          { key: 'status', label: 'Статус', options: Object.values(ROADMAP_STATUS_LABELS).map((v) => ({ value: v, label: v })) },
          { key: 'period', label: 'Период', options: options(rows.map((r) => r.period)) },
          { key: 'hasOverdue', label: 'Просрочка', options: [{ value: OVERDUE, label: OVERDUE }] },
        ]}
        initialFilters={initialFilters}
        searchLabel="Поиск по названию"
        emptyText="Дорожных карт пока нет."
      />
    </>
  );
}
