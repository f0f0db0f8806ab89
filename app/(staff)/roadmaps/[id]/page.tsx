import type { Metadata } from 'next';
import Link from 'next/link';
import { IndicatorWarnings } from '@/components/indicators/IndicatorBlocks';
import { ProgressSummaryView } from '@/components/roadmaps/ProgressSummaryView';
import { RoadmapFacts } from '@/components/roadmaps/RoadmapFacts';
import { RoadmapTabs } from '@/components/roadmaps/RoadmapTabs';
import { SectionProgressList } from '@/components/roadmaps/SectionProgressList';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { roadmapIndicatorWarnings } from '@/lib/indicators/home';
import { orNotFound, pageParams } from '@/lib/page-guard';
import { getRoadmap } from '@/lib/roadmaps/queries';
import { planFrozen, UNDER_REVIEW_MESSAGE } from '@/lib/roadmaps/review-guard';
import { createItemAction, createSectionAction, setItemsStatusAction, updateSectionAction } from '../actions';
import { ItemForm } from './ItemForm';
import { itemFilters, itemFiltersFromQuery, itemRows, DOCUMENT_OPTIONS, sectionOptions, STATUS_OPTIONS } from './item-rows';
import { ItemsTable } from './ItemsTable';
import { ReviewPanel } from './ReviewPanel';
import { SectionForm } from './SectionForm';

export const metadata: Metadata = { title: 'Дорожная карта' };

function Disclosure({ summary, children }: { summary: string; children: React.ReactNode }) {
  return (
    <details className="rounded border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-medium text-brand-700">{summary}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

export default async function RoadmapPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ overdue?: string; report?: string }>;
}) {
  const { id } = await pageParams(params);
  const initialFilters = itemFiltersFromQuery(await searchParams);
  const actor = await requireActor();
  const detail = await orNotFound(getRoadmap(actor, id));
  const { roadmap, permissions } = detail;
  const sections = sectionOptions(detail);
  // Under review the plan is frozen (the writes refuse): no form offers a change the server would turn down.
  const frozen = permissions.canEdit && planFrozen(roadmap);
  const editsPlan = permissions.canEdit && !frozen;
  const indicatorWarnings = await roadmapIndicatorWarnings(actor, roadmap.id);
  return (
    <>
      <PageHeader
        title={roadmap.title}
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Дорожные карты', href: '/roadmaps' }, { label: roadmap.title }]}
        actions={
          editsPlan && (
            <Link href={`/roadmaps/${roadmap.id}/edit`} className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium no-underline">
              Изменить сведения
            </Link>
          )
        }
      />
      <RoadmapTabs roadmapId={roadmap.id} current="items" canImport={editsPlan} />
      {frozen && (
        <p className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="plan-frozen">
          {UNDER_REVIEW_MESSAGE}
        </p>
      )}
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <RoadmapFacts roadmap={roadmap} />
        <section aria-labelledby="progress-title">
          <h2 id="progress-title" className="mb-2 text-lg font-semibold">
            Ход исполнения
          </h2>
          <ProgressSummaryView progress={detail.progress} label="вся дорожная карта" />
        </section>
      </div>
      {indicatorWarnings.warnings.length > 0 && (
        <section aria-labelledby="indicator-warnings-title" className="mb-6">
          <h2 id="indicator-warnings-title" className="mb-2 text-lg font-semibold">
            Показатели мероприятий ({indicatorWarnings.year} год)
          </h2>
          <IndicatorWarnings id="indicator-warnings-title" warnings={indicatorWarnings.warnings} />
        </section>
      )}
      <section aria-labelledby="sections-title" className="mb-6">
        <h2 id="sections-title" className="mb-2 text-lg font-semibold">
          По разделам
        </h2>
        <SectionProgressList sections={detail.sections} />
      </section>
      <section aria-labelledby="items-title" className="mb-6">
        <h2 id="items-title" className="mb-2 text-lg font-semibold">
          Мероприятия
        </h2>
        <ItemsTable
          rows={itemRows(detail)}
          filters={itemFilters(detail)}
          statuses={STATUS_OPTIONS}
          roadmapId={roadmap.id}
          bulkAction={editsPlan ? setItemsStatusAction : undefined}
          initialFilters={initialFilters}
        />
      </section>
      {editsPlan && (
        <div className="mb-6 space-y-3">
          <Disclosure summary="Добавить мероприятие">
            {sections.length === 0 ? (
              <p className="text-sm">
                Сначала добавьте раздел или <Link href={`/roadmaps/${roadmap.id}/import`} className="underline">
                  импортируйте таблицу
                </Link>.
              </p>
            ) : (
              <ItemForm
                action={createItemAction}
                sections={sections}
                statuses={STATUS_OPTIONS}
                documents={DOCUMENT_OPTIONS}
                values={{
                  roadmapId: roadmap.id,
                  sectionId: sections.at(-1)?.value ?? '',
                  number: null,
                  activity: '',
                  deadlineText: '',
                  periodStart: null,
                  periodEnd: null,
                  periodOverridden: false,
                  responsibleText: '',
                  plannedResult: '',
                  expectedDocument: null,
                  status: 'planned',
                }}
              />
            )}
          </Disclosure>
          <Disclosure summary="Добавить раздел">
            <SectionForm action={createSectionAction} roadmapId={roadmap.id} />
          </Disclosure>
          {detail.sections.length > 0 && (
            <Disclosure summary="Изменить разделы">
              <div className="space-y-4">
                {detail.sections.map((s) => (
                  <SectionForm key={s.id} action={updateSectionAction} roadmapId={roadmap.id} section={{ id: s.id, version: s.version, number: s.number, title: s.title }} />
                ))}
              </div>
            </Disclosure>
          )}
        </div>
      )}
      {(roadmap.level === 'school' || detail.review.length > 0) && <ReviewPanel detail={detail} />}
    </>
  );
}
