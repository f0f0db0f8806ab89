import type { Metadata } from 'next';
import Link from 'next/link';
import { CategoryTag } from '@/components/public/CategoryTag';
import { Term } from '@/components/public/Term';
import { PageHeader } from '@/components/shell/PageHeader';
import { SCHOOLS } from '@/lib/classification/format';
import { formatDate, formatNumber, pluralize } from '@/lib/format/ru';
import { cachedPublicDirectory, cachedRegionSummary, cachedSearch } from '@/lib/public/cache';
import { MAX_QUERY_LENGTH, searchQuery } from '@/lib/public/search';

export const metadata: Metadata = {
  title: 'Найти школу',
  description: 'Открытые данные о школах региона для родителей: статус в программе поддержки, результаты, условия и помощь школе.',
};

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded border border-slate-200 bg-white p-3">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-2xl font-semibold">{value}</dd>
    </div>
  );
}

/**
 * The home page and search: `/` and `/?q=…` are rewritten here by proxy.ts (`/public/find`, `/public/find/<query>`),
 * so each query is a page of its own in the page cache, like the home page itself. None is rendered at build
 * time (no database then); each is rendered on its first request and then served from the cache until a
 * publication revalidates the public tag or PUBLIC_CACHE_SECONDS pass.
 */
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { query?: string[] }[] {
  return [];
}

export default async function PublicHomePage({ params }: { params: Promise<{ query?: string[] }> }) {
  const query = searchQuery((await params).query);
  const [hits, summary, municipalities] = await Promise.all([query.trim() ? cachedSearch(query) : Promise.resolve(null), cachedRegionSummary(), cachedPublicDirectory()]);
  const programme = (summary.counts.low_results ?? 0) + (summary.counts.both ?? 0) + (summary.counts.unfavourable ?? 0);
  return (
    <>
      <PageHeader title="Найти школу">
        <p>
          Открытая информация для родителей и общественности: как работает школа, в каких условиях, какую помощь получает. Вход не требуется.
        </p>
      </PageHeader>
      <div className="mb-8">
        <form method="get" action="/" role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <label htmlFor="q" className="block font-medium">
              Название, номер, адрес или муниципалитет
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={query}
              maxLength={MAX_QUERY_LENGTH}
              placeholder="Например: школа 5, Осиновская, ул. Ленина"
              className="mt-1 w-full rounded border border-slate-500 px-3 py-2"
            />
          </div>
          <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-medium text-white">
            Найти
          </button>
        </form>
      </div>
      {hits !== null && (
        <section aria-labelledby="results-title" className="mb-8">
          <h2 id="results-title" className="mb-2 text-lg font-semibold" aria-live="polite">
            {hits.length > 0 ? `Найдено: ${pluralize(hits.length, SCHOOLS)}` : `По запросу «${query}» школ не найдено`}
          </h2>
          {hits.length === 0 && <p>Проверьте написание или попробуйте номер школы, улицу или название населённого пункта.</p>}
          <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" data-testid="search-results">
            {hits.map((hit) => (
              <li key={hit.id} className="p-3">
                <Link href={`/public/schools/${hit.id}`} className="text-base font-medium">
                  {hit.name}
                </Link>
                <span className="block text-sm text-slate-700">{[hit.municipalityName, hit.address].filter(Boolean).join(' · ')}</span>
                <span className="mt-1 block"><CategoryTag category={hit.category} /></span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="summary-title" className="mb-8">
        <h2 id="summary-title" className="mb-2 text-lg font-semibold">
          {summary.regionName} в цифрах
        </h2>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Stat label="Муниципалитетов" value={formatNumber(summary.municipalities)} />
          <Stat label="Школ" value={formatNumber(summary.schools)} />
          <Stat label={summary.year ? `В программе поддержки, ${summary.year}` : 'В программе поддержки'} value={formatNumber(programme)} />
          <Stat label="Резильентных школ" value={formatNumber(summary.counts.resilient ?? 0)} />
        </dl>
        <p className="mt-2 text-sm text-slate-700">
          {summary.publishedAt ? `Расчёт опубликован ${formatDate(summary.publishedAt)}. ` : ''}
          Что такое <Term id="shnor" /> и <Term id="shnsu" /> — на странице <Link href="/public/about">«Как читать эти данные»</Link>. Сравнение муниципалитетов — на странице <Link href="/public/region">региона</Link>.
        </p>
      </section>
      <section aria-labelledby="municipalities-title">
        <h2 id="municipalities-title" className="mb-2 text-lg font-semibold">Муниципалитеты</h2>
        {municipalities.length === 0 ? (
          <p>Справочник школ пока пуст.</p>
        ) : (
          <ul className="grid gap-2 md:grid-cols-2">
            {municipalities.map((m) => (
              <li key={m.id} className="rounded border border-slate-200 bg-white p-3">
                <Link href={`/public/municipalities/${m.id}`} className="font-medium">{m.name}</Link>
                <span className="block text-sm text-slate-700">{pluralize(m.schools, SCHOOLS)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
