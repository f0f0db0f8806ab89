import type { Metadata } from 'next';
import { CategoryTag } from '@/components/public/CategoryTag';
import { Term } from '@/components/public/Term';
import { ProgressSummaryView } from '@/components/roadmaps/ProgressSummaryView';
import { PageHeader } from '@/components/shell/PageHeader';
import { DataTable } from '@/components/ui/DataTable';
import { Panel } from '@/components/ui/Panel';
import { formatNumber, formatPercent } from '@/lib/format/ru';
import { STATUS_LABELS } from '@/lib/indicators/status';
import { SETTLEMENT_LABELS } from '@/lib/organisations/schemas';
import { orNotFound, pageParams } from '@/lib/page-guard';
import { cachedPublicMunicipality } from '@/lib/public/cache';
import { PUBLIC_CATEGORY_LABELS } from '@/lib/public/sentences';
import { suppressedText } from '@/lib/public/suppression';
import { Figure } from '@/components/public/Figure';
import { MovementsTable } from '@/components/public/PublicTables';

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
  const m = await orNotFound(cachedPublicMunicipality(id));
  return { title: m.name, description: `${m.name}: школы, их статус в программе поддержки, результаты и исполнение дорожных карт.` };
}

export default async function PublicMunicipalityPage({ params }: Props) {
  const { id } = await pageParams(params);
  const m = await orNotFound(cachedPublicMunicipality(id));
  const rows = m.schools.map((s) => ({
    name: s.name,
    href: `/public/schools/${s.id}`,
    settlement: s.settlement ? SETTLEMENT_LABELS[s.settlement] : '—',
    category: s.category ? `${PUBLIC_CATEGORY_LABELS[s.category]} (${s.year})` : 'нет опубликованного расчёта',
    mean: s.meanScore === null ? '—' : s.meanScore.shown ? formatNumber(s.meanScore.value, 1) : suppressedText(s.meanScore.reason),
    roadmap: s.roadmapDone === null ? 'нет утверждённой карты' : formatPercent(s.roadmapDone),
  }));
  return (
    <>
      <PageHeader title={m.name} crumbs={[{ label: 'Главная', href: '/' }, { label: 'Регион', href: '/public/region' }, { label: m.name }]}>
        <p>{m.regionName ? `${m.regionName}. ` : ''}Школы муниципалитета, их статус в программе поддержки, результаты и то, что делается.</p>
      </PageHeader>
      <div className="space-y-6">
        <Panel id="schools-title" title="Школы">
          <p className="text-sm text-slate-700">
            Средний результат — <Term id="ege" /> и <Term id="oge" /> года расчёта на шкале от 0 до 100. Таблицу можно сортировать по любому столбцу.
          </p>
          <DataTable
            caption={`Школы: ${m.name}`}
            rows={rows}
            columns={[
              { key: 'name', header: 'Школа', kind: 'link', hrefKey: 'href' },
              { key: 'settlement', header: 'Местность' },
              { key: 'category', header: 'Статус' },
              { key: 'mean', header: 'Средний результат' },
              { key: 'roadmap', header: 'Дорожная карта выполнена' },
            ]}
            searchLabel="Поиск по школам"
            pageSize={50}
          />
        </Panel>
        <Panel id="movements-title" title="Входили в программу и выходили из неё">
          {m.movements.length === 0 ? (
            <p className="text-sm">Опубликованных расчётов пока нет.</p>
          ) : (
            <MovementsTable rows={m.movements} />
          )}
        </Panel>
        <Panel id="roadmaps-title" title="Дорожная карта муниципалитета">
          {m.roadmaps.length === 0 ? (
            <p className="text-sm">Утверждённой <Term id="roadmap">дорожной карты</Term> муниципалитета нет.</p>
          ) : (
            m.roadmaps.map((map) => (
              <div key={map.id} className="space-y-1">
                <h3 className="font-semibold">{map.title}, {map.period}</h3>
                <ProgressSummaryView progress={map.progress} label={map.title} />
              </div>
            ))
          )}
        </Panel>
        <Panel id="indicators-title" title="Показатели муниципалитета">
          {m.indicators.length === 0 ? (
            <p className="text-sm">Утверждённых значений <Term id="indicator">показателей</Term> пока нет.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {m.indicators.map((i) => (
                <li key={i.id}>
                  <span className="font-medium">{i.name}</span>, {i.year}: <Figure value={i.value} /> (цель — {formatNumber(i.target)}; {STATUS_LABELS[i.status]})
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <p className="text-sm">Обозначения статуса: <CategoryTag category="low_results" /> — школа в программе поддержки; <CategoryTag category="none" /> — нет.</p>
      </div>
    </>
  );
}
