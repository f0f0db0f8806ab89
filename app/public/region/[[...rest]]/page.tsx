import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { IndicatorTable, MovementsTable } from '@/components/public/PublicTables';
import { ScrollBox } from '@/components/public/ScrollBox';
import { Term } from '@/components/public/Term';
import { PageHeader } from '@/components/shell/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { SCHOOLS } from '@/lib/classification/format';
import { formatDate, formatNumber, formatPercent, pluralize } from '@/lib/format/ru';
import { cachedPublicRegion } from '@/lib/public/cache';

export const metadata: Metadata = { title: 'Регион', description: 'Муниципалитеты региона в сравнении, показатели программы поддержки школ и изменения за год.' };

/**
 * `/public/region` only (any deeper path is 404). An optional catch-all with no static params, so that the page
 * is not rendered at build time (no database then) but on its first request, then served from the page cache
 * until a publication revalidates the public tag or PUBLIC_CACHE_SECONDS pass.
 */
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { rest?: string[] }[] {
  return [];
}

export default async function PublicRegionPage({ params }: { params: Promise<{ rest?: string[] }> }) {
  if ((await params).rest?.length) notFound();
  const { summary, municipalities, indicators, movements } = await cachedPublicRegion();
  const last = movements.at(-1);
  return (
    <>
      <PageHeader title={summary.regionName} crumbs={[{ label: 'Главная', href: '/' }, { label: 'Регион' }]}>
        <p>
          Муниципалитеты в сравнении, показатели программы поддержки школ и что изменилось за год.
          {summary.publishedAt ? ` Расчёт ${summary.year} года опубликован ${formatDate(summary.publishedAt)}.` : ''}
        </p>
      </PageHeader>
      <div className="space-y-6">
        <Panel id="changes-title" title="Что изменилось в этом году">
          {last ? (
            <p data-testid="region-changes">
              В {last.year} году в программе поддержки {pluralize(last.inProgramme, SCHOOLS)}: вошли {formatNumber(last.entered)}, вышли {formatNumber(last.left)}.
            </p>
          ) : (
            <p>Опубликованных расчётов пока нет.</p>
          )}
        </Panel>
        <Panel id="municipalities-title" title="Муниципалитеты">
          <ScrollBox label="Муниципалитеты: таблица">
            <table className="public-table min-w-full text-sm">
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col">Муниципалитет</th>
                  <th scope="col">Школ</th>
                  <th scope="col">В программе поддержки</th>
                  <th scope="col">Доля</th>
                  <th scope="col"><Term id="resilient">Резильентных</Term></th>
                </tr>
              </thead>
              <tbody>
                {municipalities.map((m) => (
                  <tr key={m.id}>
                    <th scope="row" className="font-normal">
                      <Link href={`/public/municipalities/${m.id}`}>{m.name}</Link>
                    </th>
                    <td>{formatNumber(m.schools)}</td>
                    <td>{formatNumber(m.inProgramme)}</td>
                    <td>{m.schools > 0 ? formatPercent(m.inProgramme / m.schools) : '—'}</td>
                    <td>{formatNumber(m.counts.resilient ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </Panel>
        <Panel id="indicators-title" title="Показатели программы">
          {indicators.length === 0 ? (
            <p className="text-sm">Утверждённых значений <Term id="indicator">показателей</Term> региона пока нет.</p>
          ) : (
            <IndicatorTable rows={indicators} />
          )}
        </Panel>
        <Panel id="history-title" title="Программа по годам">
          <MovementsTable rows={movements} inProgrammeLabel="Школ в программе" />
        </Panel>
      </div>
    </>
  );
}
