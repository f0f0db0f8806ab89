import type { Metadata } from 'next';
import Link from 'next/link';
import { HistoryPanel } from '@/components/history/HistoryPanel';
import { PageHeader } from '@/components/shell/PageHeader';
import { Chart } from '@/components/ui/Chart';
import { Panel } from '@/components/ui/Panel';
import { requireActor } from '@/lib/auth/session';
import { formatDateTime, formatNumber, MISSING } from '@/lib/format/ru';
import { defaultOrganisations, indicatorChart } from '@/lib/indicators/chart';
import { computeIndicator, getIndicator, indicatorHistory, listValues } from '@/lib/indicators/queries';
import { DIRECTION_LABELS, INDICATOR_STATUS_LABELS, KIND_LABELS, LEVEL_LABELS, UNIT_LABELS } from '@/lib/indicators/schemas';
import { orNotFound, pageParams } from '@/lib/page-guard';
import { can } from '@/lib/auth/policy';
import { QUARTER_RULE_SENTENCES, ROMAN_QUARTERS } from '@/lib/indicators/quarters';
import { megabytes } from '@/lib/roadmaps/evidence-limits';
import { ITEM_STATUS_LABELS } from '@/lib/roadmaps/status';
import { AppError } from '@/lib/errors';
import { isId } from '@/lib/ids';

export const metadata: Metadata = { title: 'Показатель' };

const INDICATOR_FIELD_LABELS: Record<string, string> = {
  code: 'Код',
  name: 'Наименование',
  description: 'Описание',
  method: 'Методика расчёта',
  unit: 'Единица',
  direction: 'Направление',
  source: 'Источник данных',
  level: 'Уровень',
  kind: 'Вид',
  periodicity: 'Периодичность',
  quarterRule: 'Годовое значение по кварталам',
  evidenceFile: 'Файл-подтверждение',
  expression: 'Формула',
  status: 'Статус',
  outlierJump: 'Допустимый скачок за год',
  minValue: 'Минимум',
  maxValue: 'Максимум',
  closeShare: '«Близко к цели», доля пути',
  roadmapItemIds: 'Связанные мероприятия',
};

const TARGET_KIND_LABELS = { baseline: 'базовое', target: 'целевое' } as const;

function list(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : value ? [value] : []).filter((v) => isId(v));
}

/** An organisation that does not report (or is out of reach) simply has no trace to show; other errors are real. */
function noTrace(error: unknown): null {
  if (error instanceof AppError && (error.code === 'not_found' || error.code === 'validation' || error.code === 'forbidden')) return null;
  throw error;
}

export default async function IndicatorPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await pageParams(params);
  const actor = await requireActor();
  const query = await searchParams;
  const { indicator, targets, items, canDefine } = await orNotFound(getIndicator(actor, id));
  const values = await orNotFound(listValues(actor, id));
  const history = await orNotFound(indicatorHistory(actor, id));
  const unit = UNIT_LABELS[indicator.unit];
  // Where the reader may enter values (and so attach a file: on the entry grid of that period).
  const writable = new Set(values.filter((v) => can(actor, 'indicator.write', { regionId: v.regionId, municipalityId: v.municipalityId, schoolId: v.schoolId, ownerOrganisationId: v.organisationId })).map((v) => v.organisationId));
  const known = new Map(values.map((v) => [v.organisationId, v.organisationName]));
  const asked = list(query.org).filter((o) => known.has(o));
  const chosen = asked.length > 0 ? asked : defaultOrganisations(values);
  const spec = indicatorChart(indicator.name, unit, values, targets, chosen);
  const orgNames = new Map(targets.filter((t) => t.organisationId).map((t) => [t.organisationId!, known.get(t.organisationId!) ?? 'организация']));

  // The trace of a computed value: which schools made up the numerator and denominator, and why.
  const years = [...new Set(values.map((v) => v.year))].sort((a, b) => b - a);
  const traceYear = Number.isInteger(Number(query.year)) && Number(query.year) >= 2000 && Number(query.year) <= 2100 ? Number(query.year) : (years[0] ?? new Date().getFullYear());
  const traceOrg = list(query.trace)[0] ?? actor.scope.organisationId ?? null;
  const computed = indicator.kind === 'computed' && traceOrg ? await computeIndicator(actor, id, traceOrg, traceYear).catch(noTrace) : null;

  return (
    <>
      <PageHeader
        title={`${indicator.code}. ${indicator.name}`}
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Показатели', href: '/indicators' }, { label: indicator.code }]}
      >
        {canDefine && (
          <p>
            <Link href={`/indicators/${indicator.id}/edit`}>Изменить показатель</Link>
          </p>
        )}
      </PageHeader>
      <div className="space-y-6">
        <Panel id="about-title" title="О показателе">
          <dl className="grid grid-cols-[minmax(0,max-content)_1fr] gap-x-4 gap-y-2 text-sm">
            {(
              [
                ['Описание', indicator.description || MISSING],
                ['Методика расчёта', indicator.method || MISSING],
                ['Единица', unit],
                ['Направление', DIRECTION_LABELS[indicator.direction]],
                ['Источник данных', indicator.source || MISSING],
                ['Уровень', LEVEL_LABELS[indicator.level]],
                ['Вид', KIND_LABELS[indicator.kind]],
                ['Периодичность', indicator.periodicity === 'quarter' ? `по кварталам. ${QUARTER_RULE_SENTENCES[indicator.quarterRule]}` : 'год'],
                ['Статус', INDICATOR_STATUS_LABELS[indicator.status]],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-700">{label}</dt>
                <dd className="whitespace-pre-line">{value}</dd>
              </div>
            ))}
          </dl>
        </Panel>

        <Panel id="targets-title" title="Базовые и целевые значения">
          {targets.length === 0 ? (
            <p className="text-sm">Базовые и целевые значения не заданы.</p>
          ) : (
            <table className="min-w-full text-sm">
              <caption className="sr-only">Базовые и целевые значения по годам</caption>
              <thead>
                <tr className="text-left">
                  <th scope="col">Вид</th>
                  <th scope="col">Год</th>
                  <th scope="col">Значение</th>
                  <th scope="col">Для кого</th>
                </tr>
              </thead>
              <tbody>
                {targets.map((t) => (
                  <tr key={t.id}>
                    <td>{TARGET_KIND_LABELS[t.kind]}</td>
                    <td>{t.year}</td>
                    <td>{formatNumber(t.value)}</td>
                    <td>{t.organisationId ? orgNames.get(t.organisationId) : 'вся программа'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>

        <Panel id="chart-title" title="Значения по годам">
          {known.size > 1 && (
            <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
              <fieldset>
                <legend className="font-medium">Организации на графике</legend>
                <div className="flex flex-wrap gap-3">
                  {[...known.entries()].map(([orgId, name]) => (
                    <label key={orgId} className="flex items-center gap-1">
                      <input type="checkbox" name="org" value={orgId} defaultChecked={chosen.includes(orgId)} />
                      {name}
                    </label>
                  ))}
                </div>
              </fieldset>
              <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1.5">
                Показать
              </button>
            </form>
          )}
          {spec.series.length === 0 ? <p className="text-sm">{spec.summary}</p> : <Chart spec={spec} />}
          {values.length > 0 && (
            <table className="min-w-full text-sm" data-testid="indicator-values">
              <caption className="text-left font-medium">Все значения, доступные вам</caption>
              <thead>
                <tr className="text-left">
                  <th scope="col">Год</th>
                  <th scope="col">Организация</th>
                  <th scope="col">Значение</th>
                  <th scope="col">Числитель / знаменатель</th>
                  <th scope="col">Комментарий</th>
                  <th scope="col">Файл-подтверждение</th>
                  <th scope="col">Внесено</th>
                </tr>
              </thead>
              <tbody>
                {values.map((v) => (
                  <tr key={v.id}>
                    <td>{v.quarter === 0 ? v.year : `${ROMAN_QUARTERS[v.quarter]} кв. ${v.year}`}</td>
                    <td>{v.organisationName}</td>
                    <td>{formatNumber(v.value)}</td>
                    <td>{v.numerator === null ? MISSING : `${formatNumber(v.numerator)} / ${formatNumber(v.denominator)}`}</td>
                    <td className="max-w-64">{v.comment || MISSING}</td>
                    <td>
                      {v.evidenceFile ? (
                        <a href={`/api/v1/indicator-values/${v.id}/file`} download className="underline">
                          {v.evidenceFile.fileName} ({megabytes(v.evidenceFile.sizeBytes)})
                        </a>
                      ) : (
                        MISSING
                      )}
                      {indicator.kind === 'entered' && !(indicator.periodicity === 'quarter' && v.quarter === 0) && writable.has(v.organisationId) && (
                        <Link href={`/indicators/entry?org=${v.organisationId}&year=${v.year}&quarter=${v.quarter}`} className="ml-1 text-xs underline">
                          {v.evidenceFile ? 'заменить' : 'приложить'}
                          <span className="sr-only"> файл: {v.organisationName}, {v.quarter === 0 ? `${v.year} год` : `${ROMAN_QUARTERS[v.quarter]} квартал ${v.year}`}</span>
                        </Link>
                      )}
                    </td>
                    <td>
                      {v.enteredByName}, {formatDateTime(v.enteredAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>

        {indicator.kind === 'computed' && (
          <Panel id="trace-title" title="Из чего сложилось вычисленное значение">
            {!computed ? (
              <p className="text-sm">Выберите организацию, чтобы увидеть расчёт: ссылка «расшифровка» в таблице значений или параметр организации.</p>
            ) : (
              <>
                <p className="text-sm" data-testid="trace-summary">
                  {known.get(traceOrg!) ?? (traceOrg === actor.scope.organisationId ? 'Ваша организация' : 'Организация')}, {traceYear} год: значение {formatNumber(computed.value)}, числитель {formatNumber(computed.numerator)}, знаменатель{' '}
                  {formatNumber(computed.denominator)}.{computed.frozen ? ' Значение зафиксировано при утверждении периода.' : ''}
                  {computed.inputsChanged ? ' С тех пор исходные данные изменились.' : ''}
                </p>
                {/* On a phone the five columns scroll inside their box, not the page. */}
                <div className="max-w-full overflow-x-auto">
                  <table className="min-w-full text-sm">
                    <caption className="sr-only">Школы в числителе и знаменателе</caption>
                    <thead>
                      <tr className="text-left">
                        <th scope="col">Школа</th>
                        <th scope="col">В знаменателе</th>
                        <th scope="col">В числителе</th>
                        <th scope="col">Значение школы</th>
                        <th scope="col">Почему</th>
                      </tr>
                    </thead>
                    <tbody>
                      {computed.trace.map((row) => (
                        <tr key={row.schoolId}>
                          <td>
                            <Link href={`/schools/${row.schoolId}`}>{row.name}</Link>
                          </td>
                          <td>{row.inDenominator ? 'да' : 'нет'}</td>
                          <td>{row.inNumerator ? 'да' : 'нет'}</td>
                          <td>{formatNumber(row.figure)}</td>
                          <td>{row.reasons.join('; ') || MISSING}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
            {known.size > 0 && (
              <p className="flex flex-wrap gap-3 text-sm">
                Расшифровка:
                {[...known.entries()].map(([orgId, name]) => (
                  <Link key={orgId} href={`/indicators/${indicator.id}?trace=${orgId}&year=${traceYear}`}>
                    {name}
                  </Link>
                ))}
              </p>
            )}
          </Panel>
        )}

        <Panel id="items-title" title="Мероприятия дорожных карт, которые должны его изменить">
          {items.length === 0 ? (
            <p className="text-sm">Мероприятия не связаны с показателем.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {items.map((item) => (
                <li key={item.id}>
                  <Link href={`/roadmaps/${item.roadmapId}/items/${item.id}`}>
                    {item.number ? `${item.number}. ` : ''}
                    {item.activity}
                  </Link>{' '}
                  — {item.roadmapTitle}; статус: {ITEM_STATUS_LABELS[item.status as keyof typeof ITEM_STATUS_LABELS] ?? item.status}
                  {item.overdue ? ', просрочено' : ''}
                </li>
              ))}
            </ul>
          )}
        </Panel>

        <HistoryPanel rows={history} fieldLabels={INDICATOR_FIELD_LABELS} />
      </div>
    </>
  );
}
