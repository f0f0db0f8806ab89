import type { Metadata } from 'next';
import Link from 'next/link';
import { Results, firstValues, withParam } from '@/components/practices/Results';
import { SearchForm } from '@/components/practices/SearchForm';
import { PageHeader } from '@/components/shell/PageHeader';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { searchSchema, type SearchFilters } from '@/lib/practices/schemas';
import { searchPractices } from '@/lib/practices/queries';
import { zodIssues } from '@/lib/validation';

export const metadata: Metadata = { title: 'Банк практик' };

export default async function PracticesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const parsed = searchSchema.safeParse(firstValues(params));
  const filters: SearchFilters = parsed.success ? parsed.data : searchSchema.parse({});
  const result = await searchPractices(actor, filters);
  return (
    <>
      <PageHeader
        title="Банк практик"
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Банк практик' }]}
        actions={
          can(actor, 'practice.submit') ? (
            <Link href="/practices/new" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white no-underline">
              Описать практику
            </Link>
          ) : null
        }
      >
        <p>
          Практики школ: описание, экспертиза по критериям, публикация. Поиск понимает словоформы («математике» найдёт
          «математика») и опечатки; рядом с каждой практикой — измеренные изменения школ, которые её применяли.
        </p>
        <p className="mt-2">
          <Link href="/public/practices" className="underline">Открытый каталог</Link> — то же без входа, только опубликованные практики.
        </p>
      </PageHeader>
      {!parsed.success && (
        <p role="alert" className="mb-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {zodIssues(parsed.error)
            .map((i) => i.message)
            .join('; ')}
        </p>
      )}
      <div className="space-y-4">
        <SearchForm action="/practices" filters={filters} counts={result.counts} showStatus />
        <p className="text-sm">
          Выгрузить найденное для списка семинара: <a className="underline" href={`/api/v1/practices/export${withParam(params, 'format', 'xlsx')}`}>XLSX</a> ·{' '}
          <a className="underline" href={`/api/v1/practices/export${withParam(params, 'format', 'csv')}`}>CSV</a>
        </p>
        <Results result={result} hrefBase="/practices" showStatus pageHref={(page) => withParam(params, 'page', String(page))} />
      </div>
    </>
  );
}
