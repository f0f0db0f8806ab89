import { RISK_FACTORS } from '@/lib/classification/risk';
import { formatNumber } from '@/lib/format/ru';
import { COST_BAND_LABELS, EVIDENCE_LABELS, SETTLEMENT_NAMES, STATUS_LABELS } from '@/lib/practices/labels';
import type { SearchFilters } from '@/lib/practices/schemas';
import type { FacetCount, SearchResult } from '@/lib/practices/search';

const selectClass = 'mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm';

function FacetSelect({ name, label, values, labels, counts, current }: { name: string; label: string; values: readonly string[]; labels: Record<string, string>; counts: FacetCount[]; current: string | undefined }) {
  const countOf = new Map(counts.map((c) => [c.value, c.count]));
  return (
    <div className="text-sm">
      <label htmlFor={`f-${name}`} className="font-medium">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={current ?? ''} className={selectClass}>
        <option value="">Все</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labels[v] ?? v} ({formatNumber(countOf.get(v) ?? 0)})
          </option>
        ))}
      </select>
    </div>
  );
}

/** The catalogue's search: a GET form, so a search result has its own address; each option shows how many it finds. */
export function SearchForm({ action, filters, counts, showStatus }: { action: string; filters: SearchFilters; counts: SearchResult['counts']; showStatus: boolean }) {
  const riskLabels = Object.fromEntries(RISK_FACTORS.map((r) => [r, r]));
  return (
    <form method="get" action={action} role="search" aria-label="Поиск практик" className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1 text-sm">
          <label htmlFor="f-q" className="font-medium">
            Что ищете
          </label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q} placeholder="например: наставничество математика" className={selectClass} />
        </div>
        <div className="text-sm">
          <label htmlFor="f-sort" className="font-medium">
            Порядок
          </label>
          <select id="f-sort" name="sort" defaultValue={filters.sort ?? ''} className={selectClass}>
            <option value="">По умолчанию</option>
            <option value="relevance">По релевантности</option>
            <option value="date">Сначала новые</option>
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white">
          Найти
        </button>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <FacetSelect name="riskFactor" label="Фактор риска" values={RISK_FACTORS} labels={riskLabels} counts={counts.riskFactor} current={filters.riskFactor} />
        <FacetSelect name="settlement" label="Местность" values={['urban', 'rural']} labels={SETTLEMENT_NAMES} counts={counts.settlement} current={filters.settlement} />
        <FacetSelect name="costBand" label="Затраты" values={Object.keys(COST_BAND_LABELS)} labels={COST_BAND_LABELS} counts={counts.costBand} current={filters.costBand} />
        <FacetSelect name="evidenceLevel" label="Доказанность" values={Object.keys(EVIDENCE_LABELS)} labels={EVIDENCE_LABELS} counts={counts.evidenceLevel} current={filters.evidenceLevel} />
        {showStatus && <FacetSelect name="status" label="Статус" values={Object.keys(STATUS_LABELS)} labels={STATUS_LABELS} counts={counts.status} current={filters.status} />}
      </div>
    </form>
  );
}
