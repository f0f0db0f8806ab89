import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/PageHeader';
import { DataTable } from '@/components/ui/DataTable';
import { DownloadLinks } from '@/components/ui/DownloadLinks';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { formatNumber, MISSING } from '@/lib/format/ru';
import { REPORTING_KINDS } from '@/lib/indicators/entry';
import { valueYears } from '@/lib/indicators/queries';
import { loadYearsScorecard } from '@/lib/indicators/scorecard-views';
import { STATUS_LABELS } from '@/lib/indicators/status';
import { WARNING_TITLES } from '@/lib/indicators/warning';
import { listOrganisations } from '@/lib/organisations/queries';
import { organisationScope } from '@/lib/organisations/scope';
import { orNotFound, requireRight } from '@/lib/page-guard';

export const metadata: Metadata = { title: 'Показатели организации по годам' };

const STATUS_BADGES: Record<string, string> = {
  [STATUS_LABELS.achieved]: 'bg-green-100 text-green-900',
  [STATUS_LABELS.close]: 'bg-amber-100 text-amber-900',
  [STATUS_LABELS.behind]: 'bg-red-100 text-red-900',
  [STATUS_LABELS.no_data]: 'bg-slate-100 text-slate-700',
};

export default async function YearsScorecardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requireRight(actor, 'indicator.read');
  const query = await searchParams;
  const years = await valueYears(actor);
  const asked = Number(query.year);
  const lastYear = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : (years[0] ?? new Date().getFullYear());
  const choices = (await listOrganisations(actor)).filter((o) => REPORTING_KINDS.has(o.kind) && can(actor, 'indicator.read', organisationScope(o)));
  const askedOrg = typeof query.org === 'string' ? query.org : undefined;
  const organisationId = askedOrg ?? choices.find((o) => o.id === actor.scope.organisationId)?.id ?? choices[0]?.id;
  const card = organisationId ? await orNotFound(loadYearsScorecard(actor, organisationId, lastYear)) : null;
  const name = card ? (card.organisation.shortName ?? card.organisation.name) : '';
  const rows = (card?.indicators ?? []).map((ind) => {
    const row: Record<string, string | number | null> = { code: ind.code, name: ind.name, href: `/indicators/${ind.id}?org=${card!.organisation.id}` };
    let note = '';
    for (const y of card!.years) {
      const cell = card!.cells.find((c) => c.indicatorId === ind.id && c.year === y);
      row[`y${y}`] = cell?.value === null || cell === undefined ? MISSING : formatNumber(Math.round(cell.value * 10) / 10);
      if (y === lastYear && cell) {
        row.status = STATUS_LABELS[cell.status];
        row.target = cell.target ? `${formatNumber(cell.target.value)} (${cell.target.year})` : MISSING;
        note = [cell.outlier ? `Проверьте: ${cell.outlier}` : '', cell.warning?.kind ? WARNING_TITLES[cell.warning.kind] : ''].filter(Boolean).join('; ');
      }
    }
    row.note = note;
    return row;
  });
  return (
    <>
      <PageHeader title="Показатели организации по годам" crumbs={[{ label: 'Главная', href: '/' }, { label: 'Показатели', href: '/indicators' }, { label: 'По годам' }]}>
        <p>
          Значения каждого показателя организации за пять лет и статус {lastYear} года словами: «достигнуто», «близко к цели»,
          «отстаёт», «нет данных».
        </p>
      </PageHeader>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          <span className="font-medium">Организация</span>
          <select name="org" defaultValue={card?.organisation.id ?? ''} className="rounded border border-slate-400 px-2 py-1">
            {card && !choices.some((o) => o.id === card.organisation.id) && <option value={card.organisation.id}>{name}</option>}
            {choices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.shortName ?? o.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="font-medium">Последний год</span>
          <input name="year" defaultValue={lastYear} inputMode="numeric" className="w-24 rounded border border-slate-400 px-2 py-1" />
        </label>
        <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1.5">
          Показать
        </button>
      </form>
      {!card ? (
        <p>
          Нет организаций, показатели которых вам доступны. <Link href="/indicators" className="underline">
            Показатели
          </Link>
        </p>
      ) : (
        <>
          <DownloadLinks href={`/api/v1/indicator-scorecard/export?year=${lastYear}&organisationId=${card.organisation.id}`} label="Выгрузить таблицу" />
          <DataTable
            caption={`${name}: показатели за ${card.years[0]}–${lastYear} годы`}
            rows={rows}
            columns={[
              { key: 'code', header: '№' },
              { key: 'name', header: 'Показатель', kind: 'link', hrefKey: 'href' },
              ...card.years.map((y) => ({ key: `y${y}`, header: String(y) })),
              { key: 'target', header: 'Цель (год)' },
              { key: 'status', header: `Статус ${lastYear}`, badges: STATUS_BADGES },
              { key: 'note', header: 'Замечания' },
            ]}
            filters={[{ key: 'status', label: 'Статус', options: Object.values(STATUS_LABELS).map((v) => ({ value: v, label: v })) }]}
            initialFilters={typeof query.status === 'string' ? { status: query.status } : undefined}
            searchLabel="Поиск по показателю"
            emptyText="Нет действующих показателей."
          />
        </>
      )}
    </>
  );
}
