import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { formatDate, formatDateTime } from '@/lib/format/ru';
import { requireRight } from '@/lib/page-guard';
import { reportFormats } from '@/lib/reports/document/render';
import { FORMAT_LABELS } from '@/lib/reports/jobs/file';
import { listReports } from '@/lib/reports/jobs/queries';
import { reportChoices } from '@/lib/reports/jobs/choices';
import { formatMegabytes } from '@/lib/tabular/limits';
import { requestReportAction } from './actions';
import { ReportList, type ReportRow } from './ReportList';
import { ReportRequestForm } from './ReportRequestForm';

export const metadata: Metadata = { title: 'Отчёты' };
export const dynamic = 'force-dynamic';

export default async function ReportsPage() {
  const actor = await requireActor();
  requireRight(actor, 'report.export');
  const [choices, reports] = await Promise.all([reportChoices(actor), listReports(actor)]);
  const rows: ReportRow[] = reports.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kindLabel,
    parameters: [
      r.parameters.organisation,
      r.parameters.roadmap ? `«${r.parameters.roadmap}»` : null,
      r.parameters.year ? `${r.parameters.year} год` : null,
      FORMAT_LABELS[r.format as keyof typeof FORMAT_LABELS] ?? r.format,
      `сроки на ${formatDate(r.onDate)}`,
    ].filter(Boolean).join(', '),
    who: r.requestedByName,
    when: formatDateTime(r.createdAt),
    status: r.status,
    progress: r.progress,
    stage: r.stage,
    error: r.error,
    file: r.sizeBytes === null ? null : `${(r.fileName ?? '').split('.').pop()?.toUpperCase()}, ${formatMegabytes(r.sizeBytes)}`,
    digest: r.digest,
  }));
  return (
    <>
      <PageHeader
        title="Отчёты"
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Отчёты' }]}
        actions={<Link href="/reports/decisions" className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100">Управленческие решения</Link>}
      >
        <p>
          Мониторинговый отчёт региона или муниципалитета за год строится по опубликованному расчёту классификации и
          утверждённым значениям показателей: тот же отчёт, сформированный позже, даёт те же цифры и тот же файл (отпечаток
          SHA-256). Отчёт об исполнении — по одной дорожной карте. Форматы: {reportFormats().map((f) => FORMAT_LABELS[f]).join(', ')}.
        </p>
      </PageHeader>
      <div className="space-y-6">
        <ReportRequestForm action={requestReportAction} choices={choices} />
        <section aria-labelledby="reports-list-title" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="reports-list-title" className="mb-3 text-lg font-semibold">Сформированные отчёты</h2>
          <ReportList rows={rows} />
        </section>
      </div>
    </>
  );
}
