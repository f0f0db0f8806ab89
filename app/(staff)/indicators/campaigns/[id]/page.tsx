import type { Metadata } from 'next';
import Link from 'next/link';
import { HistoryPanel } from '@/components/history/HistoryPanel';
import { PageHeader } from '@/components/shell/PageHeader';
import { DataTable } from '@/components/ui/DataTable';
import { DownloadLinks } from '@/components/ui/DownloadLinks';
import { Panel } from '@/components/ui/Panel';
import { requireActor } from '@/lib/auth/session';
import { formatDate, formatDateTime, formatNumber, formatPercent, plural, pluralize } from '@/lib/format/ru';
import { campaignPeriodLabel, COMPLETENESS_LABELS, COMPLETENESS_STATUSES, entryHref, REMINDER_INTERVAL_HOURS } from '@/lib/indicators/campaigns/completeness';
import { getCampaign } from '@/lib/indicators/campaigns/queries';
import { CAMPAIGN_FIELD_LABELS } from '@/lib/indicators/campaigns/history-labels';
import { CAMPAIGN_STATUS_LABELS } from '@/lib/indicators/campaigns/schemas';
import { orNotFound, pageParams } from '@/lib/page-guard';
import { campaignDueDateAction, campaignStatusAction, remindLateAction } from '../actions';
import { DueDateForm } from './DueDateForm';
import { ActionButton } from '../CampaignButtons';

export const metadata: Metadata = { title: 'Кампания сбора показателей' };

const DAYS = ['день', 'дня', 'дней'] as const;
const NEXT_ACTION = { draft: 'open', open: 'close', closed: 'reopen' } as const;
const NEXT_LABEL = { draft: 'Начать сбор', open: 'Закрыть кампанию', closed: 'Открыть снова' } as const;
const ORGS = ['организация', 'организации', 'организаций'] as const;

/** Status in words with a colour beside it — never colour alone. */
const STATUS_BADGES: Record<string, string> = {
  [COMPLETENESS_LABELS.not_started]: 'bg-slate-100 text-slate-800',
  [COMPLETENESS_LABELS.in_progress]: 'bg-blue-100 text-blue-900',
  [COMPLETENESS_LABELS.submitted]: 'bg-teal-100 text-teal-900',
  [COMPLETENESS_LABELS.approved]: 'bg-green-100 text-green-900',
  [COMPLETENESS_LABELS.returned]: 'bg-amber-100 text-amber-900',
  [COMPLETENESS_LABELS.overdue]: 'bg-red-100 text-red-900',
};

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await pageParams(params);
  const d = await orNotFound(getCampaign(actor, id));
  const c = d.campaign;
  const period = campaignPeriodLabel(c.year, c.quarter);
  const rows = d.rows.map((r) => {
    const x = r.completeness;
    return {
      organisation: r.organisation.shortName ?? r.organisation.name,
      href: entryHref(r.organisation.id, c.year, c.quarter),
      status: COMPLETENESS_LABELS[x.status],
      timing: x.late
        ? `Опаздывает: срок прошёл ${pluralize(x.daysLate, DAYS)} назад`
        : x.submitted
          ? x.onTime
            ? 'Представлено в срок'
            : 'Представлено после срока'
          : 'Срок не прошёл',
      entered: `${formatNumber(r.valuesEntered)} из ${formatNumber(r.indicatorCount)}`,
      submittedAt: r.submittedAt && x.submitted ? formatDateTime(r.submittedAt) : '—',
      reminded: r.lastReminderAt ? formatDateTime(r.lastReminderAt) : '—',
      late: x.late ? 'да' : 'нет',
    };
  });
  const late = d.rows.filter((r) => r.completeness.late);
  return (
    <>
      <PageHeader
        title={c.title}
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Показатели', href: '/indicators' }, { label: 'Кампании сбора', href: '/indicators/campaigns' }, { label: c.title }]}
      >
        <p>
          {d.askingName} запрашивает {c.askedKind === 'school' ? 'у школ' : 'у муниципалитетов'} значения за {period}. Срок представления —{' '}
          <strong>{formatDate(c.dueDate)}</strong>. Состояние: {CAMPAIGN_STATUS_LABELS[c.status]}.
        </p>
        {c.description && <p className="mt-2 whitespace-pre-line">{c.description}</p>}
      </PageHeader>

      <section aria-labelledby="rate-title" className="mb-6">
        <h2 id="rate-title" className="mb-2 text-lg font-semibold">
          Полнота представления
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <li className="rounded border border-slate-200 bg-white p-4">
            <span className="block text-3xl font-semibold">{formatNumber(d.rate.expected)}</span>
            <span className="text-sm">{plural(d.rate.expected, ORGS)} запрошено</span>
          </li>
          <li className="rounded border border-slate-200 bg-white p-4">
            <span className="block text-3xl font-semibold">{formatPercent(d.rate.submittedShare)}</span>
            <span className="text-sm">представили ({formatNumber(d.rate.submitted)})</span>
          </li>
          <li className="rounded border border-slate-200 bg-white p-4">
            <span className="block text-3xl font-semibold">{formatPercent(d.rate.onTimeShare)}</span>
            <span className="text-sm">представили в срок ({formatNumber(d.rate.onTime)})</span>
          </li>
          <li className={`rounded border p-4 ${d.rate.late > 0 ? 'border-red-300 bg-red-50' : 'border-slate-200 bg-white'}`}>
            <span className="block text-3xl font-semibold">{formatNumber(d.rate.late)}</span>
            <span className="text-sm">{d.rate.late > 0 ? 'опаздывают: срок прошёл, значения не представлены' : 'опоздавших нет'}</span>
          </li>
        </ul>
        <p className="mt-3 text-sm">
          По состояниям:{' '}
          {COMPLETENESS_STATUSES.map((s) => `${COMPLETENESS_LABELS[s]} — ${formatNumber(d.rate.byStatus[s])}`).join('; ')}.
        </p>
      </section>

      {d.canManage && (
        <Panel id="campaign-actions" title="Действия">
          <div className="flex flex-wrap items-start gap-6">
            {/* One slot for the state change, so its message stays when the button changes after it. */}
            <ActionButton
              action={campaignStatusAction}
              fields={{ id: c.id, action: NEXT_ACTION[c.status], version: c.version }}
              label={NEXT_LABEL[c.status]}
              variant={c.status === 'draft' ? 'primary' : 'secondary'}
            />
            {c.status === 'open' && (
              <ActionButton
                action={remindLateAction}
                fields={{ id: c.id }}
                label="Напомнить опоздавшим"
                disabled={!d.mailEnabled || late.length === 0}
                note={
                  !d.mailEnabled
                    ? 'Рассылка писем выключена (не заданы OPORA_SMTP_URL и OPORA_MAIL_FROM): опоздавшие видят напоминание только на своей стартовой странице.'
                    : late.length === 0
                      ? 'Опоздавших нет.'
                      : `Письмо уйдёт пользователям опоздавших организаций; одной организации — не чаще раза в ${REMINDER_INTERVAL_HOURS} часов.`
                }
              />
            )}
            {c.status !== 'closed' && <DueDateForm action={campaignDueDateAction} id={c.id} version={c.version} dueDate={c.dueDate} />}
          </div>
        </Panel>
      )}

      <section aria-labelledby="orgs-title" className="mt-6">
        <h2 id="orgs-title" className="mb-2 text-lg font-semibold">
          Организации
        </h2>
        <DownloadLinks href={`/api/v1/indicator-campaigns/${c.id}/late`} label="Список не представивших" />
        <DataTable
          caption={`Кто представил значения за ${period}`}
          rows={rows}
          columns={[
            { key: 'organisation', header: 'Организация (ввод значений)', kind: 'link', hrefKey: 'href' },
            { key: 'status', header: 'Состояние', badges: STATUS_BADGES },
            { key: 'timing', header: 'Срок' },
            { key: 'entered', header: 'Введено показателей' },
            { key: 'submittedAt', header: 'Представлено' },
            { key: 'reminded', header: 'Последнее напоминание' },
          ]}
          filters={[
            { key: 'status', label: 'Состояние', options: COMPLETENESS_STATUSES.map((s) => ({ value: COMPLETENESS_LABELS[s], label: COMPLETENESS_LABELS[s] })) },
            { key: 'late', label: 'Опаздывает', options: [{ value: 'да', label: 'да' }, { value: 'нет', label: 'нет' }] },
          ]}
          searchLabel="Поиск по организации"
          emptyText="Организаций в кампании нет."
        />
      </section>

      <section aria-labelledby="ind-title" className="mt-6">
        <h2 id="ind-title" className="mb-2 text-lg font-semibold">
          Запрошенные показатели
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {d.indicators.map((i) => (
            <li key={i.id}>
              <Link href={`/indicators/${i.id}`}>
                {i.code}. {i.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <div className="mt-6">
        <HistoryPanel rows={d.history} fieldLabels={CAMPAIGN_FIELD_LABELS} />
      </div>
    </>
  );
}
