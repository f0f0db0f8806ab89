import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/PageHeader';
import { DataTable } from '@/components/ui/DataTable';
import { requireActor } from '@/lib/auth/session';
import { requireRight } from '@/lib/page-guard';
import { campaignPeriodLabel } from '@/lib/indicators/campaigns/completeness';
import { campaignFormOptions, listCampaigns, owedCampaigns } from '@/lib/indicators/campaigns/queries';
import { owedCampaignSentence } from '@/lib/home/start-page';
import { COMPLETENESS_LABELS } from '@/lib/indicators/campaigns/completeness';
import { CAMPAIGN_STATUS_LABELS } from '@/lib/indicators/campaigns/schemas';

export const metadata: Metadata = { title: 'Кампании сбора показателей' };

const STATUS_BADGES: Record<string, string> = {
  [CAMPAIGN_STATUS_LABELS.draft]: 'bg-slate-100 text-slate-700',
  [CAMPAIGN_STATUS_LABELS.open]: 'bg-blue-100 text-blue-900',
  [CAMPAIGN_STATUS_LABELS.closed]: 'bg-green-100 text-green-900',
};

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

export default async function CampaignsPage() {
  const actor = await requireActor();
  requireRight(actor, 'indicator.read');
  const [rows, options, owed] = await Promise.all([listCampaigns(actor), campaignFormOptions(actor), owedCampaigns(actor)]);
  return (
    <>
      <PageHeader title="Кампании сбора показателей" crumbs={[{ label: 'Главная', href: '/' }, { label: 'Показатели', href: '/indicators' }, { label: 'Кампании сбора' }]}>
        <p>
          Регион запрашивает значения у муниципалитетов, муниципалитет — у своих школ: выбранные показатели за период к
          сроку. Полнота — доля представивших и доля представивших в срок.
        </p>
        {options.asking.length > 0 && (
          <p className="mt-2">
            <Link href="/indicators/campaigns/new">Новая кампания сбора</Link>
          </p>
        )}
      </PageHeader>
      {owed.length > 0 && (
        <section aria-labelledby="owed-title" className="mb-6 rounded border border-amber-300 bg-amber-50 p-4">
          <h2 id="owed-title" className="text-lg font-semibold">
            Ждут ваших значений
          </h2>
          <ul className="mt-2 space-y-2 text-sm">
            {owed.map((c) => (
              <li key={c.campaignId}>
                <span className="font-medium">{c.title}</span> ({c.organisationName}): {owedCampaignSentence({ ...c.completeness, dueDate: c.dueDate, askingName: c.askingName })} Состояние:{' '}
                {COMPLETENESS_LABELS[c.completeness.status]}.{' '}
                {c.canEnter && <Link href={c.entryHref}>Ввести значения</Link>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <DataTable
        caption="Кампании сбора"
        rows={rows.map(({ campaign: c, askingName, rate }) => ({
          title: c.title,
          href: `/indicators/campaigns/${c.id}`,
          asking: askingName,
          period: campaignPeriodLabel(c.year, c.quarter),
          dueDate: c.dueDate,
          status: CAMPAIGN_STATUS_LABELS[c.status],
          expected: rate.expected,
          submitted: rate.submitted,
          submittedShare: percent(rate.submittedShare),
          onTimeShare: percent(rate.onTimeShare),
          late: rate.late,
        }))}
        columns={[
          { key: 'title', header: 'Кампания', kind: 'link', hrefKey: 'href' },
          { key: 'asking', header: 'Запрашивает' },
          { key: 'period', header: 'Период' },
          { key: 'dueDate', header: 'Срок', kind: 'date' },
          { key: 'status', header: 'Состояние', badges: STATUS_BADGES },
          { key: 'expected', header: 'Запрошено организаций', kind: 'number' },
          { key: 'submitted', header: 'Представили', kind: 'number' },
          { key: 'submittedShare', header: 'Представили, %', kind: 'number', fractionDigits: 1 },
          { key: 'onTimeShare', header: 'В срок, %', kind: 'number', fractionDigits: 1 },
          { key: 'late', header: 'Опаздывают', kind: 'number' },
        ]}
        filters={[{ key: 'status', label: 'Состояние', options: Object.values(CAMPAIGN_STATUS_LABELS).map((v) => ({ value: v, label: v })) }]}
        searchLabel="Поиск по названию"
        emptyText="Кампаний сбора в вашей зоне пока нет."
      />
    </>
  );
}
