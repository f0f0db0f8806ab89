import type { Metadata } from 'next';
import Link from 'next/link';
import { CONTEXT_FORM_FIELDS, type DataField } from '@/components/classification/data-fields';
import { DATA_RESULT_COLUMNS, dataResultRows } from '@/components/classification/data-table';
import { CategoryBadge, CategoryHistory, LowResultsSummary, PartnerList } from '@/components/classification/SchoolOutcomePanels';
import { HistoryPanel } from '@/components/history/HistoryPanel';
import { ProgressSummaryView } from '@/components/roadmaps/ProgressSummaryView';
import { RoadmapStatusBadge } from '@/components/roadmaps/StatusBadge';
import { SuggestionsPanel } from '@/components/practices/SuggestionsPanel';
import { PageHeader } from '@/components/shell/PageHeader';
import { DataTable } from '@/components/ui/DataTable';
import { Panel } from '@/components/ui/Panel';
import { entityHistory } from '@/lib/audit/queries';
import { requireActor } from '@/lib/auth/session';
import type { SchoolContextRow } from '@/lib/classification/queries';
import { endSentence, formatNumber } from '@/lib/format/ru';
import { SETTLEMENT_LABELS } from '@/lib/organisations/schemas';
import { orNotFound, pageParams } from '@/lib/page-guard';
import { formatYears } from '@/lib/roadmaps/deadline-label';
import { getSchoolHub, type SchoolHub } from '@/lib/schools/hub';
import { categoryTrend } from '@/lib/schools/trend';

export const metadata: Metadata = { title: 'Школа' };

const LINK_BUTTON = 'rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium no-underline';

function Facts({ facts }: { facts: [string, string | null][] }) {
  return (
    <dl className="grid grid-cols-[minmax(0,max-content)_1fr] gap-x-4 gap-y-2 text-sm">
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-700">{label}</dt>
          <dd>{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

function contextValue(field: DataField, context: SchoolContextRow): string | null {
  const value = context[field.name as keyof SchoolContextRow];
  if (value === null || value === undefined) return null;
  if (field.kind === 'flag') return value ? 'есть' : 'нет';
  if (field.kind === 'settlement') return value ? 'сельская' : 'городская';
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

function ClassificationPanel({ hub }: { hub: SchoolHub }) {
  const { classification, history, school } = hub;
  if (!classification) {
    return (
      <Panel id="category-title" title="Категория">
        <p className="text-sm">Школа пока не попадала ни в один расчёт классификации, доступный вам.</p>
      </Panel>
    );
  }
  const { overview, school: full, runId } = classification;
  const trend = categoryTrend(history);
  return (
    <Panel id="category-title" title={`Категория по расчёту ${overview.year} года`}>
      <p className="flex flex-wrap items-center gap-2" data-testid="hub-category">
        <CategoryBadge category={overview.category} />
        {full && <span>{full.categorySentence}</span>}
      </p>
      <LowResultsSummary school={full ?? overview} />
      <Link href={`/classification/runs/${runId}/schools/${school.id}`} className="inline-block text-sm">
        Все правила и пояснения расчёта {overview.year} года
      </Link>
      <h3 className="pt-2 font-semibold">По годам</h3>
      {trend && <p className="text-sm" data-testid="hub-trend">{trend}</p>}
      <CategoryHistory history={history} schoolId={school.id} currentRunId={runId} />
    </Panel>
  );
}

function RoadmapsPanel({ hub }: { hub: SchoolHub }) {
  return (
    <Panel id="roadmaps-title" title="Дорожная карта">
      {hub.roadmaps.length === 0 ? (
        <p className="text-sm">У школы нет дорожной карты в портале.</p>
      ) : (
        <ul className="space-y-4">
          {hub.roadmaps.map(({ roadmap, progress }) => (
            <li key={roadmap.id} className="space-y-2">
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`/roadmaps/${roadmap.id}`}>{roadmap.title}</Link>
                <RoadmapStatusBadge status={roadmap.status} />
                <span className="text-sm text-slate-700">{formatYears(roadmap.periodStartYear, roadmap.periodEndYear)}</span>
              </p>
              <ProgressSummaryView progress={progress} label={roadmap.title} />
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function DataPanel({ hub }: { hub: SchoolHub }) {
  const { school, dataYear, results, context, canEditData } = hub;
  const editBase = dataYear !== null ? `/classification/data?school=${school.id}&year=${dataYear}` : `/classification/data?school=${school.id}`;
  const columns = canEditData ? DATA_RESULT_COLUMNS : DATA_RESULT_COLUMNS.filter((c) => c.key !== 'edit');
  return (
    <Panel id="data-title" title={dataYear !== null ? `Данные для классификации, ${dataYear}` : 'Данные для классификации'}>
      {canEditData && (
        <Link href={editBase} className={`${LINK_BUTTON} inline-block`}>
          Изменить данные школы
        </Link>
      )}
      {results.length === 0 ? (
        <p className="text-sm">Результатов оценочных процедур нет.</p>
      ) : (
        <DataTable
          caption={`Результаты оценочных процедур, ${dataYear}`}
          rows={dataResultRows(results, (id) => `${editBase}&edit=${id}`)}
          columns={columns}
          searchLabel="Поиск по результатам"
          pageSize={20}
        />
      )}
      <h3 className="pt-2 font-semibold">Социальный контекст</h3>
      {context ? (
        <Facts facts={CONTEXT_FORM_FIELDS.map((field) => [field.label, contextValue(field, context)])} />
      ) : (
        <p className="text-sm">Сведений о контексте за этот год нет.</p>
      )}
    </Panel>
  );
}

function PeoplePanel({ hub }: { hub: SchoolHub }) {
  const full = hub.classification?.school;
  return (
    <Panel id="people-title" title="Партнёры и кураторы">
      <h3 className="font-semibold">Школы-партнёры</h3>
      {full && hub.classification ? <PartnerList school={full} runId={hub.classification.runId} /> : <p className="text-sm">Партнёры предлагаются расчётом классификации; его пока нет.</p>}
      <h3 className="pt-2 font-semibold">Куратор дорожной карты</h3>
      <p className="text-sm">{hub.reviewers.length > 0 ? hub.reviewers.join(', ') : 'Дорожную карту школы ещё никто не согласовывал.'}</p>
      <h3 className="pt-2 font-semibold">Методическое сопровождение</h3>
      {hub.methodicalCentres.length > 0 ? (
        <ul className="list-disc pl-5 text-sm">
          {hub.methodicalCentres.map((c) => (
            <li key={c.id}>{c.name}</li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">Методические службы муниципалитета не указаны.</p>
      )}
    </Panel>
  );
}

export default async function SchoolPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const actor = await requireActor();
  const hub = await orNotFound(getSchoolHub(actor, id));
  const { school } = hub;
  const history = await entityHistory(actor, 'organisation', school.id);
  const name = school.shortName ?? school.name;
  return (
    <>
      <PageHeader
        title={name}
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Школы', href: '/schools' }, { label: name }]}
        actions={
          hub.canEditCard ? (
            <Link href={`/admin/organisations/${school.id}`} className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white no-underline">
              Редактировать карточку
            </Link>
          ) : null
        }
      >
        <p>{hub.municipalityName ? `${endSentence(hub.municipalityName)} ` : ''}Всё о школе на одной странице: категория, дорожная карта, данные, партнёры.</p>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <ClassificationPanel hub={hub} />
          <SuggestionsPanel actor={actor} schoolId={school.id} riskFactors={hub.risks?.factors ?? []} riskYear={hub.risks?.year ?? null} cluster={hub.risks?.cluster ?? null} />
          <RoadmapsPanel hub={hub} />
        </div>
        <div className="space-y-6">
          <Panel id="card-title" title="Карточка">
            <Facts
              facts={[
                ['Полное наименование', school.name],
                ['ОГРН', school.ogrn],
                ['ИНН', school.inn],
                ['Адрес', school.address],
                ['Местность', school.settlement ? SETTLEMENT_LABELS[school.settlement] : null],
                ['Расстояние до центра', school.distanceKm !== null ? `${formatNumber(school.distanceKm)} км` : null],
                ['Обучающихся', school.pupils !== null ? formatNumber(school.pupils) : null],
              ]}
            />
          </Panel>
          <PeoplePanel hub={hub} />
        </div>
      </div>
      <div className="mt-6 space-y-6">
        <DataPanel hub={hub} />
        <HistoryPanel rows={history} title="История карточки" headingId="card-history-title" />
      </div>
    </>
  );
}
