import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/PageHeader';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { formatNumber } from '@/lib/format/ru';
import { loadEntryMatrix, REPORTING_KINDS } from '@/lib/indicators/entry';
import { cellTexts } from '@/lib/indicators/matrix-form';
import { PeriodFields } from '@/components/indicators/PeriodFields';
import { parsePeriod } from '@/lib/indicators/period-options';
import { periodTitle, ROMAN_QUARTERS } from '@/lib/indicators/quarters';
import { LEVEL_LABELS, UNIT_LABELS } from '@/lib/indicators/schemas';
import { listOrganisations } from '@/lib/organisations/queries';
import { organisationScope } from '@/lib/organisations/scope';
import { orNotFound, requireRight } from '@/lib/page-guard';
import { saveMatrixAction } from '../../actions';
import { MatrixGrid, type MatrixGridRow } from '../MatrixGrid';

export const metadata: Metadata = { title: 'Ввод значений по организациям' };

const STATE_NOTES = { open: null, returned: 'возвращены на доработку', submitted: 'представлены на утверждение — правка закрыта', approved: 'утверждены и заблокированы' } as const;

export default async function MatrixEntryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requireRight(actor, 'indicator.read');
  const query = await searchParams;
  const askedOrg = typeof query.org === 'string' ? query.org : undefined;
  const { year, quarter } = parsePeriod(query);
  const view = query.view === 'years' ? 'years' : 'organisations';
  // Organisations × indicators: a municipality (its schools) or a region (its municipalities); years: any reporting organisation.
  const choices = (await listOrganisations(actor)).filter((o) => (view === 'years' ? REPORTING_KINDS.has(o.kind) : o.kind === 'municipality' || o.kind === 'region') && can(actor, 'indicator.read', organisationScope(o)));
  const own = choices.find((o) => o.id === actor.scope.organisationId);
  const organisationId = askedOrg ?? own?.id ?? (REPORTING_KINDS.has(actor.scope.level) ? actor.scope.organisationId : undefined);
  const matrix = organisationId ? await orNotFound(loadEntryMatrix(actor, organisationId, year, { quarter, view })) : null;
  const columns = (matrix?.indicators ?? []).map((i) => ({ indicatorId: i.id, code: i.code, name: i.name, unit: `${UNIT_LABELS[i.unit]}, ${LEVEL_LABELS[i.level]}${i.periodicity === 'quarter' ? ', по кварталам' : ''}`, share: i.unit === 'percent' }));
  const unitOf = new Map((matrix?.indicators ?? []).map((i) => [i.id, i.unit]));
  const rows: MatrixGridRow[] = (matrix?.rows ?? []).map((r) => ({
    organisationId: r.organisation.id,
    year: r.year,
    name: view === 'years' ? periodTitle(r.year, quarter) : (r.organisation.shortName ?? r.organisation.name),
    kind: view === 'years' ? (r.organisation.shortName ?? r.organisation.name) : (LEVEL_LABELS[r.organisation.kind as keyof typeof LEVEL_LABELS] ?? r.organisation.kind),
    editable: r.editable,
    note: STATE_NOTES[r.state] ? `Значения ${STATE_NOTES[r.state]}` : r.editable ? null : 'Только просмотр',
    cells: r.cells.map((c, j) =>
      c
        ? {
            texts: cellTexts(c.current, unitOf.get(columns[j]!.indicatorId) === 'percent'),
            version: c.current ? String(c.current.version) : '',
            derived: c.derived ? (c.current ? formatNumber(c.current.value) : '') : null,
            target: c.target ? `${formatNumber(c.target.value)} (${c.target.year})` : null,
            lastYear: c.lastYear === null ? null : formatNumber(c.lastYear),
            outlier: c.outlier,
            file: c.file && c.current ? { href: `/api/v1/indicator-values/${c.current.id}/file`, name: c.file.fileName } : null,
          }
        : null,
    ),
  }));
  const orgName = matrix ? (matrix.organisation.shortName ?? matrix.organisation.name) : '';
  const period = periodTitle(year, quarter);
  const hasDerived = rows.some((r) => r.cells.some((c) => c?.derived !== null && c !== null));
  return (
    <>
      <PageHeader
        title="Ввод значений по организациям"
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Показатели', href: '/indicators' }, { label: 'Ввод значений', href: '/indicators/entry' }, { label: 'По организациям' }]}
      >
        <p>
          Муниципалитет и его школы (или регион и его муниципалитеты) × вводимые показатели за период — или одна организация ×
          показатели × пять лет. Под каждой ячейкой — цель и значение прошлого года; ошибка — под ячейкой. Представление и
          утверждение периода — на странице{' '}
          <Link href={`/indicators/entry?year=${year}&quarter=${quarter}`} className="underline">
            одной организации
          </Link>
          ; импорт из файла —{' '}
          <Link href="/indicators/import" className="underline">
            здесь
          </Link>
          .
        </p>
      </PageHeader>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          <span className="font-medium">Строки</span>
          <select name="view" defaultValue={view} className="rounded border border-slate-400 px-2 py-1">
            <option value="organisations">организации за период</option>
            <option value="years">одна организация по годам</option>
          </select>
        </label>
        <label className="flex flex-col">
          <span className="font-medium">Организация</span>
          <select name="org" defaultValue={matrix?.organisation.id ?? ''} className="rounded border border-slate-400 px-2 py-1">
            {!matrix && <option value="">— выберите —</option>}
            {matrix && !choices.some((o) => o.id === matrix.organisation.id) && <option value={matrix.organisation.id}>{orgName}</option>}
            {choices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.shortName ?? o.name}
              </option>
            ))}
          </select>
        </label>
        <PeriodFields year={year} quarter={quarter} yearLabel={view === 'years' ? 'Последний год' : 'Год'} />
        <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1.5">
          Показать
        </button>
      </form>
      {!matrix ? (
        <p>Выберите муниципалитет или регион и год.</p>
      ) : columns.length === 0 ? (
        <p>
          {quarter > 0 ? 'Нет действующих квартальных вводимых показателей для уровней этих организаций.' : 'Нет действующих вводимых показателей для уровней этих организаций.'}{' '}
          <Link href="/indicators" className="underline">
            Каталог показателей
          </Link>
        </p>
      ) : (
        <>
          <h2 className="mb-2 text-lg font-semibold">
            {view === 'years' ? `${orgName}, ${matrix.years[0]}–${matrix.years[matrix.years.length - 1]}${quarter > 0 ? `, ${ROMAN_QUARTERS[quarter]} квартал` : ''}` : `${orgName}, ${period}`}
          </h2>
          {hasDerived && <p className="mb-2 text-sm">Квартальные показатели за год не вводятся: годовое значение рассчитывается по кварталам (правило — на странице показателя). Выберите квартал, чтобы ввести их.</p>}
          <MatrixGrid
            action={saveMatrixAction}
            year={year}
            quarter={quarter}
            caption={view === 'years' ? `Значения показателей «${orgName}» по годам` : `Значения показателей за ${period} по организациям`}
            rowHeader={view === 'years' ? 'Период' : 'Организация'}
            columns={columns}
            rows={rows}
          />
        </>
      )}
    </>
  );
}
