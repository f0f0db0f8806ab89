/** The indicators blocks shown on other pages: warnings behind «Мероприятия выполняются, а показатель не меняется», and the scorecard summary. */
import Link from 'next/link';
import { formatNumber, plural } from '@/lib/format/ru';
import type { IndicatorSummary, IndicatorWarningLine } from '@/lib/indicators/home';
import { STATUS_LABELS } from '@/lib/indicators/status';
import { WARNING_TITLES } from '@/lib/indicators/warning';

export function IndicatorWarnings({ id, warnings, empty }: { id: string; warnings: IndicatorWarningLine[]; empty?: string }) {
  if (warnings.length === 0) return empty ? <p className="text-sm text-slate-600">{empty}</p> : null;
  return (
    <ul aria-labelledby={id} className="space-y-2 rounded border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="indicator-warnings">
      {warnings.map((w) => (
        <li key={`${w.indicatorId}:${w.organisationId}`}>
          <span className="font-semibold">{WARNING_TITLES[w.kind]}</span> —{' '}
          <Link href={w.href}>
            показатель {w.code} «{w.name}»
          </Link>
          , {w.organisation}.
          <span className="block text-slate-800">{w.message}</span>
        </li>
      ))}
    </ul>
  );
}

export function IndicatorSummaryBlock({ summary }: { summary: IndicatorSummary }) {
  const { counts } = summary;
  const statuses = ['achieved', 'close', 'behind', 'no_data'] as const;
  return (
    <div className="space-y-3" data-testid="indicator-summary">
      <p className="text-sm">
        {summary.place}, {summary.year} год:{' '}
        <Link href={summary.links.all} className="underline">
          {formatNumber(counts.total)} {plural(counts.total, ['значение', 'значения', 'значений'])} в сводной таблице
        </Link>
      </p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {statuses.map((s) => (
          <li key={s} className="rounded border border-slate-200 bg-white p-4">
            <Link href={summary.links[s]} className="block no-underline">
              <span className="block text-3xl font-semibold text-slate-900">{formatNumber(counts[s])}</span>
              <span className="text-sm text-brand-700 underline">{STATUS_LABELS[s]}</span>
            </Link>
          </li>
        ))}
      </ul>
      <IndicatorWarnings id="indicator-summary-title" warnings={summary.warnings} empty="Предупреждений «Мероприятия выполняются, а показатель не меняется» нет." />
    </div>
  );
}
