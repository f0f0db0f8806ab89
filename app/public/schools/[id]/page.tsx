import type { Metadata } from 'next';
import Link from 'next/link';
import { CategoryTag } from '@/components/public/CategoryTag';
import { Figure } from '@/components/public/Figure';
import { IndicatorTable } from '@/components/public/PublicTables';
import { PrintButton } from '@/components/public/PrintButton';
import { ScrollBox } from '@/components/public/ScrollBox';
import { Term } from '@/components/public/Term';
import { ProgressSummaryView } from '@/components/roadmaps/ProgressSummaryView';
import { PageHeader } from '@/components/shell/PageHeader';
import { Chart, type ChartSpec } from '@/components/ui/Chart';
import { Panel } from '@/components/ui/Panel';
import { formatDate, formatNumber } from '@/lib/format/ru';
import { orNotFound, pageParams } from '@/lib/page-guard';
import { cachedPublicSchool } from '@/lib/public/cache';
import type { PublicSchoolPage, ResultSeries } from '@/lib/public/queries';
import { categoryTrend } from '@/lib/schools/trend';
import { SETTLEMENT_LABELS } from '@/lib/organisations/schemas';
import type { PublicValue } from '@/lib/public/suppression';

type Props = { params: Promise<{ id: string }> };

/**
 * Rendered on its first request (none at build time: no database then) and served from the page cache after:
 * a publication or approval revalidates its tags (lib/public/cache.ts), else PUBLIC_CACHE_SECONDS pass.
 */
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { id: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await pageParams(params);
  const school = await orNotFound(cachedPublicSchool(id));
  return {
    title: school.name,
    description: school.status ? school.status.headline : `${school.fullName}: результаты, условия и поддержка школы.`,
  };
}

const value = (v: PublicValue<number> | null) => (v && v.shown ? v.value : null);
/** The chart's points to a tenth, as the table beside it shows them (no fifteen-digit floats in the page). */
const point = (v: PublicValue<number> | null) => {
  const x = value(v);
  return x === null ? null : Math.round(x * 10) / 10;
};

function chartOf(series: ResultSeries, name: string): ChartSpec {
  const last = series.years.length - 1;
  const lastValue = value(series.school[last] ?? null);
  const lastMunicipal = value(series.municipality[last] ?? null);
  const summary =
    lastValue !== null && lastMunicipal !== null
      ? `${series.title}, ${series.years[last]}: школа — ${formatNumber(lastValue, 1)}, среднее по муниципалитету — ${formatNumber(lastMunicipal, 1)} из 100.`
      : `${series.title} по годам: результат школы, средние по муниципалитету и по похожим школам.`;
  return {
    kind: 'line',
    summary,
    labels: series.years.map(String),
    xTitle: 'Год',
    yTitle: 'Результат, из 100',
    height: 260,
    series: [
      { label: name, color: '#1d4f91', data: series.school.map(point) },
      { label: 'Среднее по муниципалитету', color: '#9a3412', dashed: true, data: series.municipality.map(point) },
      { label: 'Среднее по похожим школам', color: '#166534', dashed: true, data: series.cluster.map(point) },
    ],
  };
}

function ResultsTable({ series, name }: { series: ResultSeries; name: string }) {
  return (
    <table className="public-table mt-2 min-w-full text-sm" data-testid="results-table">
      <caption className="text-left font-medium">{series.title}: таблица</caption>
      <thead className="bg-slate-100">
        <tr>
          <th scope="col">Год</th>
          <th scope="col">{name}</th>
          <th scope="col">Участников</th>
          <th scope="col">Среднее по муниципалитету</th>
          <th scope="col">Среднее по похожим школам</th>
        </tr>
      </thead>
      <tbody>
        {series.years.map((year, i) => (
          <tr key={year}>
            <th scope="row">{year}</th>
            <td><Figure value={series.school[i] ?? null} /></td>
            <td><Figure value={series.participants[i] ?? null} format={(v) => formatNumber(v)} /></td>
            <td><Figure value={series.municipality[i] ?? null} /></td>
            <td><Figure value={series.cluster[i] ?? null} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StatusPanel({ school }: { school: PublicSchoolPage }) {
  const { status } = school;
  if (!status) {
    return (
      <Panel id="status-title" title="Статус школы">
        <p>Опубликованного расчёта по этой школе пока нет.</p>
      </Panel>
    );
  }
  const trend = categoryTrend(school.history);
  return (
    <Panel id="status-title" title={`Статус школы по расчёту ${status.year} года`}>
      <p><CategoryTag category={status.category} /></p>
      <p className="text-base font-medium" data-testid="public-status">{status.headline}</p>
      <p>{status.meaning}</p>
      {status.reasons.length > 0 && (
        <>
          <h3 className="font-semibold">Почему</h3>
          <ul className="list-disc space-y-1 pl-5" data-testid="public-reasons">
            {status.reasons.map((reason, i) => (
              // By position: the sentence itself as the key would travel twice in the page's React payload.
              <li key={i}>{reason}</li>
            ))}
          </ul>
        </>
      )}
      {status.exit && (
        <>
          <h3 className="font-semibold">Что нужно, чтобы выйти из списка</h3>
          <p data-testid="public-exit">{status.exit}</p>
        </>
      )}
      {trend && (
        <p className="text-sm text-slate-700">
          <span className="font-medium">По годам: </span>
          {trend}
        </p>
      )}
      <p className="text-sm text-slate-700">
        Термины: <Term id="shnor" />, <Term id="shnsu" />, <Term id="resilient" />.
      </p>
    </Panel>
  );
}

function jsonLd(school: PublicSchoolPage): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'School',
    name: school.fullName,
    alternateName: school.name !== school.fullName ? school.name : undefined,
    address: school.address ?? undefined,
    ...(school.pupils?.shown ? { numberOfStudents: school.pupils.value } : {}),
    containedInPlace: school.municipality ? { '@type': 'AdministrativeArea', name: school.municipality.name } : undefined,
  };
  // «<» escaped so that no text can close the script element.
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export default async function PublicSchoolPageView({ params }: Props) {
  const { id } = await pageParams(params);
  const school = await orNotFound(cachedPublicSchool(id));
  const published = school.status?.publishedAt ? formatDate(school.status.publishedAt) : null;
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd(school) }} />
      <PageHeader
        title={school.name}
        crumbs={[
          { label: 'Главная', href: '/' },
          ...(school.municipality ? [{ label: school.municipality.name, href: `/public/municipalities/${school.municipality.id}` }] : []),
          { label: school.name },
        ]}
        actions={<PrintButton />}
      >
        <p data-testid="freshness">
          {`${school.dataYear !== null ? `Данные ГИА ${school.dataYear} года` : 'Данных ГИА нет'}, ${published ? `расчёт опубликован ${published}` : 'опубликованного расчёта нет'}.`}
        </p>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <StatusPanel school={school} />
          <Panel id="who-title" title="О школе">
            <dl className="grid grid-cols-[minmax(0,max-content)_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="font-medium">Полное наименование</dt>
              <dd>{school.fullName}</dd>
              <dt className="font-medium">Адрес</dt>
              <dd>{school.address ?? '—'}</dd>
              <dt className="font-medium">Местность</dt>
              <dd>{school.settlement ? SETTLEMENT_LABELS[school.settlement] : '—'}</dd>
              <dt className="font-medium">Обучающихся</dt>
              <dd><Figure value={school.pupils} format={(v) => formatNumber(v)} /></dd>
              <dt className="font-medium">Муниципалитет</dt>
              <dd>{school.municipality ? <Link href={`/public/municipalities/${school.municipality.id}`}>{school.municipality.name}</Link> : '—'}</dd>
            </dl>
          </Panel>
        </div>
        <div className="space-y-6">
          <Panel id="support-title" title="Какую поддержку получает школа">
            {school.roadmaps.length === 0 ? (
              <p className="text-sm">Утверждённой <Term id="roadmap">дорожной карты</Term> у школы пока нет.</p>
            ) : (
              school.roadmaps.map((map) => (
                <div key={map.id} className="space-y-2">
                  <h3 className="font-semibold">
                    <Term id="roadmap" />: {map.title}, {map.period}
                  </h3>
                  <ProgressSummaryView progress={map.progress} label={map.title} />
                  <ul className="space-y-2 text-sm">
                    {map.sections.map((section) => (
                      <li key={section.title}>
                        <span className="font-medium">{section.title}</span>
                        <ProgressSummaryView progress={section.progress} label={section.title} />
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            )}
            <h3 className="font-semibold"><Term id="curator">Кураторы</Term></h3>
            <p className="text-sm">{[...school.curators, ...school.methodicalCentres].filter((v, i, a) => a.indexOf(v) === i).join(', ') || 'Не указаны.'}</p>
            <h3 className="font-semibold"><Term id="partner">Школы-партнёры</Term></h3>
            {school.partners.length > 0 ? (
              <ul className="list-disc pl-5 text-sm">
                {school.partners.map((p) => (
                  <li key={p.id}><Link href={`/public/schools/${p.id}`}>{p.name}</Link></li>
                ))}
              </ul>
            ) : (
              <p className="text-sm">Школа-партнёр не назначена.</p>
            )}
          </Panel>
          <Panel id="conditions-title" title={school.conditionsYear ? `Условия работы, ${school.conditionsYear}` : 'Условия работы'}>
            {school.conditions.length === 0 ? (
              <p className="text-sm">Сведений об условиях работы школы нет.</p>
            ) : (
              <table className="public-table min-w-full text-sm">
                <caption className="text-left text-slate-700">
                  Школа сравнивается с <Term id="cluster">похожими школами</Term> региона, а не со всеми подряд.
                </caption>
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col">Условие</th>
                    <th scope="col">Школа</th>
                    <th scope="col">Похожие школы</th>
                  </tr>
                </thead>
                <tbody>
                  {school.conditions.map((c) => (
                    <tr key={c.label}>
                      <th scope="row" className="font-normal">{c.label}</th>
                      <td>
                        {c.school === null ? '—' : c.school.shown ? c.school.value : <Figure value={{ shown: false, reason: c.school.reason }} />}
                      </td>
                      <td>{c.cluster ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Panel>
        </div>
      </div>
      <div className="mt-6 space-y-6">
        <Panel id="results-title" title="Результаты по годам">
          <p className="text-sm text-slate-700">
            Средние результаты <Term id="ege" /> и <Term id="oge" /> на шкале от 0 до 100 рядом со средними по муниципалитету и по похожим школам. <Term id="suppression" />: результат меньше чем по 10 участникам не публикуется.
          </p>
          {school.results.length === 0 && <p className="text-sm">Результатов экзаменов нет.</p>}
          {school.results.map((series) => (
            <section key={series.key} aria-label={series.title} className="space-y-2">
              <h3 className="font-semibold">{series.title}</h3>
              <Chart spec={chartOf(series, school.name)} />
              <ScrollBox label={`${series.title}: таблица`}>
                <ResultsTable series={series} name={school.name} />
              </ScrollBox>
            </section>
          ))}
          {school.marks.length > 0 && (
            <ScrollBox label="Распределение отметок">
              <table className="public-table min-w-full text-sm" data-testid="marks-table">
                <caption className="text-left font-medium">Распределение отметок, {school.marks[0]!.year}</caption>
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col">Экзамен</th>
                    {['«2»', '«3»', '«4»', '«5»', 'Всего'].map((h) => (
                      <th key={h} scope="col">{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {school.marks.map((m) => (
                    <tr key={m.title}>
                      <th scope="row" className="font-normal">{m.title}</th>
                      {m.marks.map((v, i) => (
                        <td key={i}><Figure value={v} format={(x) => formatNumber(x)} /></td>
                      ))}
                      <td><Figure value={m.total} format={(x) => formatNumber(x)} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
        </Panel>
        <Panel id="indicators-title" title="Показатели и цели">
          {school.indicators.length === 0 ? (
            <p className="text-sm">Утверждённых значений <Term id="indicator">показателей</Term> по школе пока нет.</p>
          ) : (
            <IndicatorTable rows={school.indicators} />
          )}
        </Panel>
        <Panel id="sources-title" title="Источники данных">
          <ul className="list-disc pl-5 text-sm">
            {school.sources.map((s) => (
              <li key={s}>{s}</li>
            ))}
            <li>Справочник школ региона (наименование, адрес, численность)</li>
          </ul>
          <p className="text-sm">
            Эти же данные — в <Link href="/opendata">открытых данных</Link>.
          </p>
        </Panel>
      </div>
    </>
  );
}
