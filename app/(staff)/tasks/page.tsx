import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { IndicatorSummaryBlock } from '@/components/indicators/IndicatorBlocks';
import { PageHeader } from '@/components/shell/PageHeader';
import { ROLE_LABELS } from '@/lib/auth/actor';
import { requireActor } from '@/lib/auth/session';
import { CATEGORY_NAMES, type Category } from '@/lib/classification';
import type { RunRow } from '@/lib/classification/server/types';
import { formatDate, formatNumber, plural, pluralize } from '@/lib/format/ru';
import { loadStartPage, type TaskItem } from '@/lib/home/queries';
import { loadIndicatorSummary } from '@/lib/indicators/home';
import { type OverdueByOwner, type RoadmapSummary, startLinks } from '@/lib/home/start-page';
import { ROADMAP_STATUS_LABELS } from '@/lib/roadmaps/schemas';
import { CampaignReminders } from './CampaignReminders';

export const metadata: Metadata = { title: 'Мои задачи' };

const ITEMS = ['мероприятие', 'мероприятия', 'мероприятий'] as const;
const MAPS = ['дорожная карта', 'дорожные карты', 'дорожных карт'] as const;
const OVERDUE_ITEMS = ['просроченное мероприятие', 'просроченных мероприятия', 'просроченных мероприятий'] as const;

/** A count that opens the list it counts. */
function Count({ value, label, href }: { value: number; label: string; href: string }) {
  return (
    <li className="rounded border border-slate-200 bg-white p-4">
      <Link href={href} className="block no-underline">
        <span className="block text-3xl font-semibold text-slate-900">{formatNumber(value)}</span>
        <span className="text-sm text-brand-700 underline">{label}</span>
      </Link>
    </li>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function ItemList({ items, empty }: { items: TaskItem[]; empty: string }) {
  if (items.length === 0) return <p className="text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
      {items.map((item) => (
        <li key={item.itemId} className="px-4 py-2 text-sm">
          <Link href={startLinks.item(item.roadmapId, item.itemId)}>{[item.number, item.activity].filter(Boolean).join(' ')}</Link>
          <span className="block text-slate-600">
            Срок: {item.deadlineText || '—'}
            {item.periodEnd && !item.deadlineText.includes(formatDate(item.periodEnd)) && ` (до ${formatDate(item.periodEnd)})`}
          </span>
        </li>
      ))}
    </ul>
  );
}

function RoadmapCounts({ summary }: { summary: RoadmapSummary }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Count value={summary.byStatus.on_review} label={`${plural(summary.byStatus.on_review, MAPS)} на согласовании`} href={startLinks.roadmaps({ status: 'on_review' })} />
      <Count value={summary.byStatus.needs_revision} label={`${plural(summary.byStatus.needs_revision, MAPS)} на доработке`} href={startLinks.roadmaps({ status: 'needs_revision' })} />
      <Count value={summary.overdueItems} label={plural(summary.overdueItems, OVERDUE_ITEMS)} href={startLinks.roadmaps({ overdue: true })} />
      <Count value={summary.withOverdue} label={`${plural(summary.withOverdue, MAPS)} с просрочкой`} href={startLinks.roadmaps({ overdue: true })} />
    </ul>
  );
}

function OverdueBySchool({ rows }: { rows: OverdueByOwner[] }) {
  if (rows.length === 0) return <p className="text-slate-600">Просроченных мероприятий в школьных дорожных картах нет.</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
      {rows.map((row) => (
        <li key={row.roadmapId} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2 text-sm">
          <span>
            <span className="font-medium">{row.ownerName}</span>
            <span className="block text-slate-600">{row.title}</span>
          </span>
          <Link href={startLinks.items(row.roadmapId, 'overdue')}>
            {formatNumber(row.overdue)} просрочено из {formatNumber(row.items)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function LatestRun({ run }: { run: RunRow | null }) {
  if (!run) return <p className="text-slate-600">Запусков классификации пока нет.</p>;
  const shown: Category[] = ['low_results', 'unfavourable', 'both', 'resilient'];
  return (
    <div className="rounded border border-slate-200 bg-white p-4 text-sm">
      <p>
        <Link href={startLinks.run(run.id)} className="underline">
          {run.year} год, {run.methodologyName} (версия {run.methodologyVersion})
        </Link>
        : {run.status === 'published' ? `опубликован ${formatDate(run.publishedAt)}` : `черновик от ${formatDate(run.createdAt)}`}.
      </p>
      {/* The run's own counts, whoever reads (a coordinator's list shows only its schools): labelled as the run's. */}
      <p className="mt-1">
        {run.municipalityId === null ? 'Все школы региона в расчёте' : 'Все школы муниципалитета в расчёте'}: {formatNumber(run.schoolCount)}, из них:
      </p>
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
        {shown.map((category) => (
          <li key={category}>
            <Link href={startLinks.run(run.id, category)}>
              {CATEGORY_NAMES[category]}: <span className="font-semibold">{formatNumber(run.counts[category] ?? 0)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default async function TasksPage() {
  const actor = await requireActor();
  const data = await loadStartPage(actor);
  const indicators = await loadIndicatorSummary(actor);
  return (
    <>
      <PageHeader title="Мои задачи">
        <p>
          {ROLE_LABELS[actor.role]} · {actor.scope.organisationName}
        </p>
      </PageHeader>
      <CampaignReminders actor={actor} />
      {data.view === 'school' &&
        (data.roadmaps.length === 0 ? (
          <p className="text-slate-600">
            У вашей школы пока нет дорожной карты.{' '}
            <Link href="/roadmaps" className="underline">
              Дорожные карты
            </Link>
          </p>
        ) : (
          data.roadmaps.map(({ roadmap, overdue, awaitingReport }, index) => (
            <div key={roadmap.id}>
              <p className="mb-3">
                <Link href={`/roadmaps/${roadmap.id}`} className="font-medium underline">
                  {roadmap.title}
                </Link>{' '}
                <span className="text-slate-600">({ROADMAP_STATUS_LABELS[roadmap.status]})</span>
              </p>
              <ul className="mb-6 grid gap-3 sm:grid-cols-2">
                <Count value={overdue.length} label={plural(overdue.length, ['мероприятие просрочено', 'мероприятия просрочены', 'мероприятий просрочено'])} href={startLinks.items(roadmap.id, 'overdue')} />
                <Count value={awaitingReport.length} label={plural(awaitingReport.length, ['мероприятие ждёт отчёта', 'мероприятия ждут отчёта', 'мероприятий ждут отчёта'])} href={startLinks.items(roadmap.id, 'awaiting_report')} />
              </ul>
              <Section id={`overdue-${index}`} title="Просроченные мероприятия">
                <ItemList items={overdue} empty="Просроченных мероприятий нет." />
              </Section>
              <Section id={`awaiting-${index}`} title="Ждут отчёта о выполнении">
                <ItemList items={awaitingReport} empty="Все начатые мероприятия с отчётами." />
              </Section>
            </div>
          ))
        ))}
      {data.view === 'review' && (
        <>
          <ul className="mb-6 grid gap-3 sm:grid-cols-2">
            <Count value={data.summary.byStatus.on_review} label={`${plural(data.summary.byStatus.on_review, MAPS)} на согласовании`} href={startLinks.roadmaps({ status: 'on_review' })} />
            <Count value={data.needsRevision.length} label={`${plural(data.needsRevision.length, MAPS)} на доработке`} href={startLinks.roadmaps({ status: 'needs_revision' })} />
          </ul>
          <Section id="on-review" title="Ждут вашего согласования">
            {data.summary.onReview.length === 0 ? (
              <p className="text-slate-600">Дорожных карт на согласовании нет.</p>
            ) : (
              <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
                {data.summary.onReview.map((r) => (
                  <li key={r.id} className="px-4 py-2 text-sm">
                    <Link href={`/roadmaps/${r.id}`}>{r.title}</Link>
                    <span className="block text-slate-600">
                      {r.ownerName} · {pluralize(r.itemCount, ITEMS)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </>
      )}
      {(data.view === 'municipal' || data.view === 'region') && (
        <>
          {data.view === 'region' && data.schoolCount !== null && (
            <p className="mb-3">
              <Link href="/schools" className="underline">
                Школ в регионе: {formatNumber(data.schoolCount)}
              </Link>{' '}
              ·{' '}
              <Link href={startLinks.roadmaps()} className="underline">
                дорожных карт: {formatNumber(data.summary.total)}
              </Link>
            </p>
          )}
          <Section id="roadmaps-summary" title={data.view === 'region' ? 'Дорожные карты региона' : 'Дорожные карты муниципалитета'}>
            <RoadmapCounts summary={data.summary} />
          </Section>
          <Section id="overdue-by-school" title="Просроченные мероприятия по школам">
            <OverdueBySchool rows={data.overdueBySchool} />
          </Section>
          <Section id="latest-run" title="Последний запуск классификации">
            <LatestRun run={data.latestRun} />
          </Section>
        </>
      )}
      {indicators && (
        <Section id="indicator-summary-title" title="Показатели">
          <IndicatorSummaryBlock summary={indicators} />
        </Section>
      )}
    </>
  );
}
