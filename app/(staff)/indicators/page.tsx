import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/PageHeader';
import { DataTable } from '@/components/ui/DataTable';
import { DownloadLinks } from '@/components/ui/DownloadLinks';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { compareRussian, formatNumber } from '@/lib/format/ru';
import { listIndicators, valueYears } from '@/lib/indicators/queries';
import { QUARTER_RULE_LABELS } from '@/lib/indicators/quarters';
import { loadScorecard } from '@/lib/indicators/scorecard';
import { INDICATOR_STATUS_LABELS, KIND_LABELS, LEVEL_LABELS, UNIT_DIGITS, UNIT_LABELS } from '@/lib/indicators/schemas';
import { STATUS_LABELS } from '@/lib/indicators/status';
import { WARNING_TITLES } from '@/lib/indicators/warning';

export const metadata: Metadata = { title: 'Показатели' };

/** Status in words with a colour beside it — never colour alone. */
const STATUS_BADGES: Record<string, string> = {
  [STATUS_LABELS.achieved]: 'bg-green-100 text-green-900',
  [STATUS_LABELS.close]: 'bg-amber-100 text-amber-900',
  [STATUS_LABELS.behind]: 'bg-red-100 text-red-900',
  [STATUS_LABELS.no_data]: 'bg-slate-100 text-slate-700',
};

function options(values: Iterable<string>) {
  return [...new Set(values)].sort(compareRussian).map((value) => ({ value, label: value }));
}

export default async function IndicatorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const years = await valueYears(actor);
  const asked = Number(params.year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : (years[0] ?? new Date().getFullYear());
  const [catalogue, card] = await Promise.all([listIndicators(actor), loadScorecard(actor, { year, level: 'municipality' })]);
  const indicatorById = new Map(card.indicators.map((i) => [i.id, i]));
  const orgById = new Map(card.organisations.map((o) => [o.id, o]));
  const scoreRows = card.cells.map((c) => {
    const ind = indicatorById.get(c.indicatorId)!;
    const org = orgById.get(c.organisationId)!;
    return {
      code: ind.code,
      name: ind.name,
      href: `/indicators/${ind.id}?org=${org.id}`,
      organisation: org.shortName ?? org.name,
      value: c.value === null ? null : Math.round(c.value * 10) / 10,
      digits: UNIT_DIGITS[ind.unit],
      target: c.target ? `${formatNumber(c.target.value)} (${c.target.year})` : '—',
      status: STATUS_LABELS[c.status],
      note: [c.outlier ? `Проверьте: ${c.outlier}` : '', c.warning?.kind ? WARNING_TITLES[c.warning.kind] : ''].filter(Boolean).join('; '),
    };
  });
  const warnings = card.cells.filter((c) => c.warning?.kind);
  return (
    <>
      <PageHeader title="Показатели" crumbs={[{ label: 'Главная', href: '/' }, { label: 'Показатели' }]}>
        <p>
          Показатели программы и их достижение по муниципалитетам за {year} год. Статус — словами: «достигнуто», «близко к
          цели», «отстаёт», «нет данных».
        </p>
        <p className="mt-2">
          <Link href={`/indicators/entry?year=${year}`} className="underline">
            Ввод значений
          </Link>
          {can(actor, 'indicator.write') && (
            <>
              {' · '}
              <Link href="/indicators/import" className="underline">
                Импорт значений из файла
              </Link>
            </>
          )}
        </p>
        <p className="mt-1">
          <Link href="/indicators/campaigns">Кампании сбора значений</Link>
        </p>
        {years.length > 1 && (
          <nav aria-label="Год" className="mt-2 flex flex-wrap gap-2 text-sm">
            {years.map((y) => (
              <a key={y} href={`/indicators?year=${y}`} aria-current={y === year ? 'page' : undefined} className={y === year ? 'font-semibold' : ''}>
                {y}
              </a>
            ))}
          </nav>
        )}
      </PageHeader>
      {warnings.length > 0 && (
        <section aria-labelledby="warnings-title" className="mb-6 rounded border border-amber-300 bg-amber-50 p-4">
          <h2 id="warnings-title" className="text-lg font-semibold">
            Предупреждения
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {warnings.map((c) => (
              <li key={`${c.indicatorId}:${c.organisationId}`}>
                Показатель {indicatorById.get(c.indicatorId)!.code}, {orgById.get(c.organisationId)!.shortName ?? orgById.get(c.organisationId)!.name}: {c.warning!.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2 className="mb-2 text-lg font-semibold">Достижение за {year} год</h2>
      <div className="mb-2 flex flex-wrap items-center gap-4 text-sm">
        <DownloadLinks href={`/api/v1/indicator-scorecard/export?year=${year}`} label="Выгрузить таблицу" />
        <Link href={`/indicators/years?year=${year}`}>Показатели организации по годам</Link>
      </div>
      {card.indicators.some((i) => i.periodicity === 'quarter') && (
        <p className="mb-2 text-sm">
          Квартальные показатели ({card.indicators.filter((i) => i.periodicity === 'quarter').map((i) => `${i.code} — ${QUARTER_RULE_LABELS[i.quarterRule]}`).join('; ')}): значение года
          рассчитано из введённых кварталов по правилу показателя.
        </p>
      )}
      <DataTable
        caption={`Достижение показателей по муниципалитетам за ${year} год`}
        rows={scoreRows}
        columns={[
          { key: 'code', header: '№' },
          { key: 'name', header: 'Показатель', kind: 'link', hrefKey: 'href' },
          { key: 'organisation', header: 'Муниципалитет' },
          { key: 'value', header: 'Значение', kind: 'number', digitsKey: 'digits' },
          { key: 'target', header: 'Цель (год)' },
          { key: 'status', header: 'Статус', badges: STATUS_BADGES },
          { key: 'note', header: 'Замечания' },
        ]}
        filters={[
          { key: 'organisation', label: 'Муниципалитет', options: options(scoreRows.map((r) => r.organisation)) },
          { key: 'status', label: 'Статус', options: Object.values(STATUS_LABELS).map((v) => ({ value: v, label: v })) },
        ]}
        initialFilters={Object.fromEntries(['organisation', 'status'].flatMap((key) => (typeof params[key] === 'string' ? [[key, params[key] as string]] : [])))}
        searchLabel="Поиск по показателю"
        emptyText="Нет действующих показателей или муниципалитетов в вашей зоне."
      />
      <h2 className="mb-2 mt-8 text-lg font-semibold">Каталог показателей</h2>
      {can(actor, 'indicator.define') && (
        <p className="mb-2">
          <Link href="/indicators/new">Новый показатель</Link>
        </p>
      )}
      <DataTable
        caption="Каталог показателей"
        rows={catalogue.map((i) => ({
          code: i.code,
          name: i.name,
          href: `/indicators/${i.id}`,
          unit: UNIT_LABELS[i.unit],
          source: i.source,
          level: LEVEL_LABELS[i.level],
          kind: KIND_LABELS[i.kind],
          status: INDICATOR_STATUS_LABELS[i.status],
        }))}
        columns={[
          { key: 'code', header: '№' },
          { key: 'name', header: 'Наименование', kind: 'link', hrefKey: 'href' },
          { key: 'unit', header: 'Единица' },
          { key: 'source', header: 'Источник' },
          { key: 'level', header: 'Уровень' },
          { key: 'kind', header: 'Вид' },
          { key: 'status', header: 'Статус' },
        ]}
        searchLabel="Поиск по наименованию"
        emptyText="Показателей пока нет."
      />
    </>
  );
}
