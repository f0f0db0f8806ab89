import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { formatDateTime, formatNumber, MISSING } from '@/lib/format/ru';
import { loadEntryGrid, REPORTING_KINDS } from '@/lib/indicators/entry';
import { PeriodFields } from '@/components/indicators/PeriodFields';
import { parsePeriod } from '@/lib/indicators/period-options';
import { periodTitle, QUARTER_RULE_LABELS, QUARTER_RULE_SENTENCES, ROMAN_QUARTERS } from '@/lib/indicators/quarters';
import { UNIT_LABELS } from '@/lib/indicators/schemas';
import { megabytes } from '@/lib/roadmaps/evidence-limits';
import { listOrganisations } from '@/lib/organisations/queries';
import { organisationScope } from '@/lib/organisations/scope';
import { orNotFound, requireRight } from '@/lib/page-guard';
import { approvalFormAction, saveEntryAction } from '../actions';
import { ApprovalPanel } from './ApprovalPanel';
import { EntryGrid, type GridRow } from './EntryGrid';

export const metadata: Metadata = { title: 'Ввод значений показателей' };

const STATE_LABELS = { open: 'не представлены', submitted: 'представлены на утверждение', approved: 'утверждены, заблокированы', returned: 'возвращены на доработку' } as const;

/** An input's text: the stored number exactly, with a decimal comma (a rounded display would change it on the next save). */
const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n).replace('.', ','));

export default async function EntryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requireRight(actor, 'indicator.read');
  const query = await searchParams;
  const askedOrg = typeof query.org === 'string' ? query.org : undefined;
  const { year, quarter } = parsePeriod(query);
  const organisations = (await listOrganisations(actor)).filter((o) => REPORTING_KINDS.has(o.kind) && can(actor, 'indicator.write', organisationScope(o)));
  // Without a choice: the user's own organisation when it reports values (a ministry does not), else none yet.
  const own = organisations.find((o) => o.id === actor.scope.organisationId);
  const organisationId = askedOrg ?? own?.id;
  // A malformed or unknown id asked for is a 404 (loadEntryGrid checks it with lib/ids before the database).
  const grid = organisationId ? await orNotFound(loadEntryGrid(actor, organisationId, year, quarter)) : null;
  const approval = grid?.approval ?? null;
  const state = approval?.state ?? 'open';
  // A quarter makes the year's figure: a submitted or approved year keeps its quarters.
  const yearState = grid?.yearApproval?.state ?? 'open';
  const yearLocked = quarter > 0 && (yearState === 'approved' || yearState === 'submitted');
  const locked = state === 'approved' || state === 'submitted' || yearLocked;
  const steps = !grid
    ? []
    : ([
        grid.canWrite && (state === 'open' || state === 'returned') ? 'submit' : null,
        grid.canApprove && state === 'submitted' ? 'approve' : null,
        grid.canApprove && state === 'submitted' ? 'return' : null,
        grid.canApprove && state === 'approved' ? 'unlock' : null,
      ].filter(Boolean) as ('submit' | 'approve' | 'return' | 'unlock')[]);
  const rows: GridRow[] = (grid?.rows ?? []).map((r) => ({
    indicatorId: r.indicator.id,
    code: r.indicator.code,
    name: r.indicator.name,
    unit: UNIT_LABELS[r.indicator.unit],
    share: r.indicator.unit === 'percent',
    value: text(r.current?.value),
    numerator: text(r.current?.numerator),
    denominator: text(r.current?.denominator),
    comment: r.current?.comment ?? '',
    version: r.current ? String(r.current.version) : '',
    target: r.target ? `${formatNumber(r.target.value)} (${r.target.year})` : MISSING,
    lastYear: r.lastYear ? formatNumber(r.lastYear.value) : MISSING,
    outlier: r.outlier,
    derived: r.derived ? (r.current ? formatNumber(r.current.value) : '') : null,
    file: r.file && r.current ? { href: `/api/v1/indicator-values/${r.current.id}/file`, name: r.file.fileName, size: megabytes(r.file.sizeBytes) } : null,
  }));
  const period = periodTitle(year, quarter);
  const rules = [...new Set((grid?.rows ?? []).filter((r) => r.indicator.periodicity === 'quarter').map((r) => r.indicator.quarterRule))];
  const orgName = grid ? (grid.organisation.shortName ?? grid.organisation.name) : '';
  return (
    <>
      <PageHeader title="Ввод значений показателей" crumbs={[{ label: 'Главная', href: '/' }, { label: 'Показатели', href: '/indicators' }, { label: 'Ввод значений' }]}>
        <p>
          Одна организация, все её вводимые показатели за период (год или квартал — для квартальных показателей): рядом с каждой
          ячейкой — цель, значение прошлого года и файл-подтверждение.
        </p>
        <p className="mt-2">
          <Link href={`/indicators/entry/organisations?year=${year}&quarter=${quarter}`} className="underline">
            Ввод по организациям (муниципалитет и его школы)
          </Link>
          {' · '}
          <Link href="/indicators/import" className="underline">
            Импорт значений из файла (CSV, XLSX)
          </Link>
        </p>
      </PageHeader>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          <span className="font-medium">Организация</span>
          <select name="org" defaultValue={grid?.organisation.id ?? ''} className="rounded border border-slate-400 px-2 py-1">
            {!grid && <option value="">— выберите —</option>}
            {grid && !organisations.some((o) => o.id === grid.organisation.id) && <option value={grid.organisation.id}>{orgName}</option>}
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.shortName ?? o.name}
              </option>
            ))}
          </select>
        </label>
        <PeriodFields year={year} quarter={quarter} />
        <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1.5">
          Показать
        </button>
      </form>
      {!grid ? (
        <p>Выберите организацию и год.</p>
      ) : (
        <div className="space-y-6">
          <Panel id="period-title" title={`${orgName}, ${period}`}>
            <p data-testid="period-state" className="text-sm">
              Значения: <strong>{STATE_LABELS[state]}</strong>
              {approval?.lockedAt ? ` (заблокированы ${formatDateTime(approval.lockedAt)})` : ''}
              {approval?.comment ? `. Комментарий: ${approval.comment}` : ''}
              {approval?.unlockReason && state === 'open' ? `. Причина разблокировки: ${approval.unlockReason}` : ''}
            </p>
            {locked && (
              <p className="text-sm">
                {yearLocked && state !== 'approved' && state !== 'submitted'
                  ? `Значения за ${year} год ${yearState === 'approved' ? 'утверждены' : 'представлены'}: кварталы года не меняются, пока год не ${yearState === 'approved' ? 'разблокирован' : 'возвращён на доработку'}.`
                  : state === 'approved'
                    ? 'Правка невозможна, пока период не разблокирован с указанием причины.'
                    : 'Правка невозможна, пока значения не возвращены на доработку.'}
              </p>
            )}
            <ApprovalPanel action={approvalFormAction} organisationId={grid.organisation.id} year={year} quarter={quarter} version={approval?.version ?? null} steps={steps} />
          </Panel>
          {rows.length === 0 ? (
            <p>
              Нет действующих вводимых показателей для уровня этой организации. <Link href="/indicators">Каталог показателей</Link>
            </p>
          ) : (
            <>
              {rules.length > 0 && (
                <div className="text-sm" data-testid="quarter-rules">
                  {quarter === 0 ? <p>Квартальные показатели за год не вводятся — выберите квартал. </p> : null}
                  {rules.map((rule) => (
                    <p key={rule}>
                      {rules.length > 1 ? `${QUARTER_RULE_LABELS[rule]}: ` : ''}
                      {QUARTER_RULE_SENTENCES[rule]}
                    </p>
                  ))}
                </div>
              )}
              <EntryGrid
                action={saveEntryAction}
                organisationId={grid.organisation.id}
                year={year}
                quarter={quarter}
                period={period}
                previous={quarter === 0 ? `${year - 1} год` : `${ROMAN_QUARTERS[quarter]} кв. ${year - 1}`}
                rows={rows}
                locked={locked || !grid.canWrite}
              />
            </>
          )}
        </div>
      )}
    </>
  );
}
