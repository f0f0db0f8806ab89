import type { Metadata } from 'next';
import { Results, firstValues, withParam } from '@/components/practices/Results';
import { SearchForm } from '@/components/practices/SearchForm';
import { searchSchema, type SearchFilters } from '@/lib/practices/schemas';
import { searchPublicPractices } from '@/lib/practices/queries';
import { zodIssues } from '@/lib/validation';

export const metadata: Metadata = { title: 'Банк практик — открытый каталог' };

/** The public catalogue (no login): published practices only, the same search as the staff's. */
export default async function PublicPracticesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const parsed = searchSchema.safeParse({ ...firstValues(params), status: undefined });
  const filters: SearchFilters = parsed.success ? parsed.data : searchSchema.parse({});
  const result = await searchPublicPractices(filters);
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Банк эффективных практик</h1>
        <p className="text-sm text-slate-700">
          Практики школ, прошедшие экспертизу по критериям регионального положения: что сделали, сколько это стоило, насколько доказан результат.
          Поиск понимает словоформы и опечатки.
        </p>
      </header>
      {!parsed.success && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {zodIssues(parsed.error)
            .map((i) => i.message)
            .join('; ')}
        </p>
      )}
      <SearchForm action="/public/practices" filters={filters} counts={result.counts} showStatus={false} />
      <Results result={result} hrefBase="/public/practices" showStatus={false} pageHref={(page) => withParam(params, 'page', String(page))} />
    </div>
  );
}
