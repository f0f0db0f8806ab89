import Link from 'next/link';
import { formatDate, pluralize } from '@/lib/format/ru';
import { COST_BAND_LABELS, EVIDENCE_LABELS, SETTLEMENT_NAMES, STATUS_LABELS } from '@/lib/practices/labels';
import type { SearchResult } from '@/lib/practices/search';
import { Snippet } from './Snippet';

/** Search results as cards; `showStatus` for staff (the public sees published practices only). */
export function Results({ result, hrefBase, showStatus, pageHref }: { result: SearchResult; hrefBase: string; showStatus: boolean; pageHref: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <section aria-labelledby="results-title" className="space-y-3">
      <h2 id="results-title" className="text-lg font-semibold">
        Найдено: {pluralize(result.total, ['практика', 'практики', 'практик'])}
      </h2>
      {result.rows.length === 0 ? (
        <p className="text-sm text-slate-700">Ничего не найдено. Измените запрос или снимите фильтры.</p>
      ) : (
        <ol className="space-y-3">
          {result.rows.map((r) => (
            <li key={r.id} className="rounded border border-slate-200 bg-white p-4">
              <h3 className="font-semibold">
                <Link href={`${hrefBase}/${r.id}`}>{r.title}</Link>
              </h3>
              <p className="text-xs text-slate-600">
                {[r.schoolName, r.settlement ? `${SETTLEMENT_NAMES[r.settlement]} местность` : null, `затраты: ${COST_BAND_LABELS[r.costBand]}`, r.evidenceLevel ? `доказанность: ${EVIDENCE_LABELS[r.evidenceLevel]}` : null, showStatus ? STATUS_LABELS[r.status] : null, r.publishedAt ? `опубликована ${formatDate(r.publishedAt)}` : null]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p className="mt-1 text-sm">{r.summary}</p>
              <Snippet text={r.snippet} />
              <p className="mt-1 text-xs text-slate-600">Факторы риска: {r.riskFactors.join('; ')}</p>
            </li>
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav aria-label="Страницы результатов" className="flex gap-3 text-sm">
          {result.page > 1 && <Link href={pageHref(result.page - 1)}>← Предыдущая</Link>}
          <span>
            Страница {result.page} из {pages}
          </span>
          {result.page < pages && <Link href={pageHref(result.page + 1)}>Следующая →</Link>}
        </nav>
      )}
    </section>
  );
}

/** URL search parameters of a page, with one changed. */
export function withParam(params: Record<string, string | string[] | undefined>, key: string, value: string): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' && v && k !== key) out.set(k, v);
  out.set(key, value);
  return `?${out.toString()}`;
}

/** The first value of each search parameter. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : (v ?? '')]));
}
