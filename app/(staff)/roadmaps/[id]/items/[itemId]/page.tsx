import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HistoryPanel } from '@/components/history/HistoryPanel';
import { CommentForm } from '@/components/roadmaps/CommentForm';
import { ROADMAP_FIELD_LABELS, ROADMAP_VALUE_LABELS } from '@/components/roadmaps/history-labels';
import { ReportList } from '@/components/roadmaps/ReportList';
import { ReviewThread } from '@/components/roadmaps/ReviewThread';
import { itemHeading, sectionTitle } from '@/components/roadmaps/labels';
import { ItemStatusBadge } from '@/components/roadmaps/StatusBadge';
import { todayIso } from '@/components/roadmaps/timeline';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { formatDate } from '@/lib/format/ru';
import { orNotFound, pageParams } from '@/lib/page-guard';
import { DEADLINE_KIND_LABELS, type DeadlineKind } from '@/lib/roadmaps/deadline';
import { getRoadmap, itemHistory } from '@/lib/roadmaps/queries';
import { planFrozen, UNDER_REVIEW_MESSAGE } from '@/lib/roadmaps/review-guard';
import { EXPECTED_DOCUMENT_LABELS, type ExpectedDocument } from '@/lib/roadmaps/table/document';
import { responsibleLabel } from '@/lib/roadmaps/responsible-label';
import type { ItemView } from '@/lib/roadmaps/views';
import { addProgressReportAction, commentOnReviewAction, deleteItemAction, updateItemAction } from '../../../actions';
import { DeleteButton } from '../../DeleteButton';
import { ItemForm } from '../../ItemForm';
import { DOCUMENT_OPTIONS, sectionOptions, STATUS_OPTIONS } from '../../item-rows';
import { ReportForm } from './ReportForm';
import { Panel } from '@/components/ui/Panel';

export const metadata: Metadata = { title: 'Мероприятие дорожной карты' };

function periodLabel(item: ItemView): string {
  const kind = DEADLINE_KIND_LABELS[item.deadlineKind as DeadlineKind] ?? item.deadlineKind;
  if (!item.periodStart || !item.periodEnd) return kind;
  const span = item.periodStart === item.periodEnd ? formatDate(item.periodStart) : `${formatDate(item.periodStart)} – ${formatDate(item.periodEnd)}`;
  return `${span} (${kind}${item.recurringYearly ? ', ежегодно' : ''})`;
}

function Facts({ item, section }: { item: ItemView; section: string }) {
  const responsible = responsibleLabel(item);
  const facts: [string, React.ReactNode][] = [
    ['Раздел', section],
    ['Сроки', item.deadlineText || '—'],
    ['Период', periodLabel(item)],
    ['Ответственные', responsible || '—'],
    ['Планируемый результат', item.plannedResult || '—'],
    ['Ожидаемый документ', item.expectedDocument ? (EXPECTED_DOCUMENT_LABELS[item.expectedDocument as ExpectedDocument] ?? item.expectedDocument) : '—'],
    ['Статус', <ItemStatusBadge key="status" status={item.status} overdue={item.overdue} />],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-1 rounded border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[auto_1fr]">
      {facts.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-700">{term}</dt>
          <dd className="mb-1 whitespace-pre-line sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}


export default async function ItemPage({ params }: { params: Promise<{ id: string; itemId: string }> }) {
  const { id, itemId } = await pageParams(params);
  const actor = await requireActor();
  const detail = await orNotFound(getRoadmap(actor, id));
  const section = detail.sections.find((s) => s.items.some((item) => item.id === itemId));
  const item = section?.items.find((candidate) => candidate.id === itemId);
  if (!section || !item) notFound();
  const { roadmap, permissions } = detail;
  const history = await itemHistory(actor, item.id);
  const heading = itemHeading(item);
  return (
    <>
      <PageHeader
        title={heading.title}
        crumbs={[
          { label: 'Главная', href: '/' },
          { label: 'Дорожные карты', href: '/roadmaps' },
          { label: roadmap.title, href: `/roadmaps/${roadmap.id}` },
          { label: item.number ? `Мероприятие ${item.number}` : 'Мероприятие' },
        ]}
      >
        {heading.cut && <p className="max-w-prose whitespace-pre-line">{item.activity}</p>}
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          <Facts item={item} section={sectionTitle(section)} />
          {permissions.canEdit && planFrozen(roadmap) && (
            <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="plan-frozen">
              {UNDER_REVIEW_MESSAGE}
            </p>
          )}
          {permissions.canEdit && !planFrozen(roadmap) && (
            <Panel id="edit-title" title="Изменить мероприятие">
              <ItemForm
                action={updateItemAction}
                sections={sectionOptions(detail)}
                statuses={STATUS_OPTIONS}
                documents={DOCUMENT_OPTIONS}
                values={{ ...item, roadmapId: roadmap.id, normalisedLabel: periodLabel(item) }}
              />
              <DeleteButton action={deleteItemAction} hidden={{ id: item.id, version: item.version, roadmapId: roadmap.id }} label="Удалить мероприятие" />
            </Panel>
          )}
          <Panel id="reports-title" title="Отчёты о ходе исполнения">
            <ReportList reports={item.reports} />
            {permissions.canEdit && <ReportForm action={addProgressReportAction} itemId={item.id} today={todayIso()} />}
          </Panel>
        </div>
        <div className="space-y-6">
          {(roadmap.level === 'school' || item.reviewComments.length > 0) && (
            <Panel id="item-review-title" title="Замечания по мероприятию">
              <ReviewThread events={item.reviewComments} />
              {(permissions.canReview || permissions.canSubmit) && (
                <CommentForm
                  action={commentOnReviewAction}
                  hidden={{ roadmapId: roadmap.id, itemId: item.id }}
                  idPrefix="item-comment"
                  label="Комментарий к мероприятию"
                  submitLabel="Добавить комментарий"
                  variant="secondary"
                />
              )}
            </Panel>
          )}
          <HistoryPanel rows={history} fieldLabels={ROADMAP_FIELD_LABELS} valueLabels={ROADMAP_VALUE_LABELS} />
        </div>
      </div>
    </>
  );
}
