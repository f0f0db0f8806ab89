/**
 * The analytical note («аналитическая справка»): the monitoring report's facts as connected Russian text, with
 * tables and a chart per result series, as one `ReportDocument` — downloaded as DOCX to be finished and signed in
 * Word, or as PDF. Every figure comes from `NoteFacts`, the same facts the monitoring report's tables show; empty
 * lists, zeros and a missing previous year read as plain sentences, never as «0 школ (на 0 меньше…)».
 */
import type { ReportBlock, ReportChart, ReportDocument, ReportTable } from '@/lib/reports/document/model';
import type {
  NoteDecisionFacts,
  NoteFacts,
  NoteIndicatorFacts,
  NoteListCategory,
  NoteListFacts,
  NoteResultSeries,
  NoteRoadmapFacts,
  NoteSupportFacts,
} from './facts';
import {
  ACTIVITIES_GENITIVE,
  ACTIVITY_FORMS,
  acrossOrganisation,
  agree,
  capitalise,
  comparedWithYear,
  dateOrNone,
  DECISION_FORMS,
  formatDate,
  formatNumber,
  inOrganisation,
  inYear,
  INDICATORS_GENITIVE,
  joinAnd,
  PAIR_FORMS,
  plural,
  pluralize,
  PRACTICE_FORMS,
  quantity,
  schools,
  SCHOOLS_INSTRUMENTAL,
  shareOf,
} from './sentences';
import { endSentence, type PluralForms } from '@/lib/format/ru';

interface ListWording {
  /** The list's name in a table: «ШНОР». */
  name: string;
  /** Before the verb, by the count's form: «в перечень ШНОР», «резильентной» / «резильентными». */
  before: PluralForms;
  /** The verb: «включена / включены / включено». */
  verb: PluralForms;
  /** When the list is empty. */
  none: string;
  /** «перечня ШНОР» — in «состав перечня ШНОР». */
  genitive: string;
}

const same = (text: string): PluralForms => [text, text, text];

const LIST_WORDING: Record<NoteListCategory, ListWording> = {
  shnor: {
    name: 'ШНОР',
    before: same('в перечень ШНОР'),
    verb: ['включена', 'включены', 'включено'],
    none: 'в перечень ШНОР не включено ни одной школы',
    genitive: 'перечня ШНОР',
  },
  shnsu: {
    name: 'ШНСУ',
    before: same('в перечень ШНСУ'),
    verb: ['включена', 'включены', 'включено'],
    none: 'в перечень ШНСУ не включено ни одной школы',
    genitive: 'перечня ШНСУ',
  },
  both: {
    name: 'ШНОР и ШНСУ одновременно',
    before: same('одновременно к ШНОР и ШНСУ'),
    verb: ['отнесена', 'отнесены', 'отнесено'],
    none: 'школ, отнесённых одновременно к ШНОР и ШНСУ, нет',
    genitive: 'списка школ, отнесённых одновременно к ШНОР и ШНСУ,',
  },
  resilient: {
    name: 'Резильентные школы',
    before: ['резильентной', 'резильентными', 'резильентными'],
    verb: ['признана', 'признаны', 'признано'],
    none: 'резильентных школ не выявлено',
    genitive: 'списка резильентных школ',
  },
};

/** «В 2025 году в перечень ШНОР включено 14 школ (на 3 меньше, чем в 2024 году); из них 9 — в сельской местности.» */
export function listSentence(list: NoteListFacts, year: number): string {
  const wording = LIST_WORDING[list.category];
  const previousYear = year - 1;
  if (list.count === 0) {
    const before =
      list.previousCount === null ? '' : list.previousCount === 0 ? ` (как и ${inYear(previousYear)})` : ` (${inYear(previousYear)} — ${schools(list.previousCount)})`;
    return `${capitalise(inYear(year))} ${wording.none}${before}.`;
  }
  const comparison = comparedWithYear(list.count, list.previousCount, previousYear);
  const head = `${capitalise(inYear(year))} ${plural(list.count, wording.before)} ${agree(list.count, wording.verb)} ${schools(list.count)}`;
  const compared = comparison ? ` (${comparison})` : '';
  return `${head}${compared}; ${ruralPhrase(list.rural, list.count)}.`;
}

function ruralPhrase(rural: number, count: number): string {
  if (rural === 0) return count === 1 ? 'это не сельская школа' : 'сельских школ среди них нет';
  if (rural === count) return count === 1 ? 'это сельская школа' : 'все они — в сельской местности';
  return `из них ${formatNumber(rural)} — в сельской местности`;
}

/** «Состав перечня ШНОР по сравнению с 2024 годом: вошли 4 школы, вышла 1 школа.» Null without a previous year. */
export function listChangeSentence(list: NoteListFacts, year: number): string | null {
  if (list.previousCount === null) return null;
  const wording = LIST_WORDING[list.category];
  const since = `по сравнению с ${year - 1} годом`;
  if (list.entered === 0 && list.left === 0) return `Состав ${wording.genitive} ${since} не изменился.`;
  const entered = list.entered === 0 ? 'новых школ нет' : `${agree(list.entered, ['вошла', 'вошли', 'вошло'])} ${schools(list.entered)}`;
  const left = list.left === 0 ? 'ни одна школа не вышла' : `${agree(list.left, ['вышла', 'вышли', 'вышло'])} ${schools(list.left)}`;
  return `Состав ${wording.genitive} ${since}: ${entered}, ${left}.`;
}

function listsSection(facts: NoteFacts): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: '1. Перечни школ' }];
  if (facts.lists.length === 0) {
    blocks.push({ kind: 'paragraph', text: `Перечни школ за ${facts.year} год не опубликованы.` });
    return blocks;
  }
  const sentences = facts.lists.flatMap((list) => {
    const change = listChangeSentence(list, facts.year);
    return change ? [listSentence(list, facts.year), change] : [listSentence(list, facts.year)];
  });
  blocks.push({ kind: 'paragraph', text: sentences.join(' ') });
  if (facts.lists.every((list) => list.previousCount === null)) {
    blocks.push({
      kind: 'paragraph',
      text: `Перечни за ${facts.year} год составлены впервые: опубликованного расчёта за ${facts.year - 1} год нет, поэтому сравнение с прошлым годом не приводится.`,
    });
  }
  blocks.push({ kind: 'table', table: listsTable(facts) });
  return blocks;
}

function listsTable(facts: NoteFacts): ReportTable {
  const previous = facts.year - 1;
  return {
    id: 'note-lists',
    title: `Перечни школ, ${facts.year} год`,
    columns: [
      { header: 'Перечень', key: 'name', width: 24 },
      { header: `Школ в ${facts.year} году`, key: 'count', type: 'number', width: 12 },
      { header: `Школ в ${previous} году`, key: 'previous', type: 'number', width: 12 },
      { header: 'Изменение', key: 'change', type: 'number', width: 13 },
      { header: 'Из них сельских', key: 'rural', type: 'number', width: 11 },
      { header: 'Вошли', key: 'entered', type: 'number', width: 9 },
      { header: 'Вышли', key: 'left', type: 'number', width: 9 },
    ],
    rows: facts.lists.map((list) => ({
      name: LIST_WORDING[list.category].name,
      count: list.count,
      previous: list.previousCount,
      change: list.previousCount === null ? null : list.count - list.previousCount,
      rural: list.rural,
      entered: list.previousCount === null ? null : list.entered,
      left: list.previousCount === null ? null : list.left,
    })),
    note: facts.lists.some((list) => list.previousCount === null) ? `«—»: опубликованного расчёта за ${previous} год нет.` : undefined,
  };
}

/** The last year with both means, and the one before it with both. */
function comparableYears(series: NoteResultSeries): number[] {
  return series.years.flatMap((year, index) =>
    series.listedMean[index] !== null && series.listedMean[index] !== undefined && series.overallMean[index] !== null && series.overallMean[index] !== undefined
      ? [index]
      : [],
  );
}

function seriesName(series: NoteResultSeries): string {
  return `${series.exam}, ${series.subject}`;
}

/**
 * «ЕГЭ, математика (профильная): в 2025 году средний результат школ ШНОР — 46 баллов, в среднем по региону —
 * 55,1 балла; школы ШНОР отстают на 9,1 балла (в 2024 году отставание составляло 9,8 балла).» The last two years
 * with both means are compared.
 */
export function resultSentence(series: NoteResultSeries, level: 'region' | 'municipality'): string {
  const indexes = comparableYears(series);
  const name = capitalise(seriesName(series));
  if (indexes.length === 0) return `${name}: данных для сравнения результатов школ ШНОР со средними ${acrossOrganisation(level)} нет.`;
  const last = indexes[indexes.length - 1]!;
  const listed = series.listedMean[last]!;
  const overall = series.overallMean[last]!;
  const gap = listed - overall;
  const head = `${name}: ${inYear(series.years[last]!)} средний результат школ ШНОР — ${quantity(listed, series.unit)}, в среднем ${acrossOrganisation(level)} — ${quantity(overall, series.unit)}`;
  const rounded = Math.round(gap * 10) / 10;
  const gapText =
    rounded === 0
      ? 'результаты школ ШНОР на уровне среднего'
      : rounded < 0
        ? `школы ШНОР отстают на ${quantity(-gap, series.unit, { difference: true })}`
        : `школы ШНОР выше среднего на ${quantity(gap, series.unit, { difference: true })}`;
  // «п. п.» already ends with a full stop.
  if (indexes.length < 2) return endSentence(`${head}; ${gapText}`);
  const before = indexes[indexes.length - 2]!;
  const previousGap = series.listedMean[before]! - series.overallMean[before]!;
  const previousRounded = Math.round(previousGap * 10) / 10;
  const previousText =
    previousRounded === 0
      ? 'результаты были на уровне среднего'
      : previousRounded < 0
        ? `отставание составляло ${quantity(-previousGap, series.unit, { difference: true })}`
        : `превышение составляло ${quantity(previousGap, series.unit, { difference: true })}`;
  return `${head}; ${gapText} (${inYear(series.years[before]!)} ${previousText}).`;
}

function resultChart(series: NoteResultSeries, index: number, level: 'region' | 'municipality'): ReportChart {
  return {
    id: `note-results-${index + 1}`,
    title: `${seriesName(series)}: школы ШНОР и среднее ${acrossOrganisation(level)}`,
    type: 'line',
    labels: series.years.map(String),
    series: [
      { label: 'Школы ШНОР', values: series.listedMean },
      { label: `В среднем ${acrossOrganisation(level)}`, values: series.overallMean, dashed: true },
    ],
    unit: series.unit,
    description: `График по годам (${series.years[0] ?? ''}–${series.years[series.years.length - 1] ?? ''}). ${resultSentence(series, level)}`,
  };
}

function resultsTable(facts: NoteFacts): ReportTable {
  const overall = `В среднем ${acrossOrganisation(facts.level)}`;
  return {
    id: 'note-results',
    title: 'Результаты ГИА и ВПР школ ШНОР',
    columns: [
      { header: 'Оценочная процедура', key: 'exam', width: 13 },
      { header: 'Предмет', key: 'subject', width: 22 },
      { header: 'Год', key: 'year', width: 7 },
      { header: 'Школы ШНОР', key: 'listed', type: 'number', width: 11 },
      { header: overall, key: 'overall', type: 'number', width: 13 },
      { header: 'Разница', key: 'gap', type: 'number', width: 10 },
      { header: 'Единица', key: 'unit', width: 11 },
    ],
    rows: facts.results.flatMap((series) =>
      series.years.map((year, index) => {
        const listed = series.listedMean[index] ?? null;
        const mean = series.overallMean[index] ?? null;
        return {
          exam: series.exam,
          subject: series.subject,
          year: String(year),
          listed,
          overall: mean,
          gap: listed !== null && mean !== null ? Math.round((listed - mean) * 10) / 10 : null,
          unit: series.unit,
        };
      }),
    ),
    note: '«Разница» — результат школ ШНОР минус средний; «—» — данных нет.',
  };
}

function resultsSection(facts: NoteFacts): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: '2. Результаты ГИА и ВПР' }];
  if (facts.results.length === 0) {
    blocks.push({ kind: 'paragraph', text: `Результатов ГИА и ВПР школ ШНОР за ${facts.year} год и предыдущие годы нет.` });
    return blocks;
  }
  blocks.push({
    kind: 'paragraph',
    text: `Результаты школ, включённых в перечень ШНОР, сравниваются со средними ${acrossOrganisation(facts.level)} по годам, для каждой оценочной процедуры и предмета.`,
  });
  facts.results.forEach((series, index) => {
    blocks.push({ kind: 'paragraph', text: resultSentence(series, facts.level) });
    blocks.push({ kind: 'chart', chart: resultChart(series, index, facts.level) });
  });
  blocks.push({ kind: 'table', table: resultsTable(facts) });
  return blocks;
}

/** «К концу 2025 года по дорожным картам предусмотрено 120 мероприятий; выполнено 95 (79,2 %), из них в срок — 80; просрочено 12 (10 %).» */
export function roadmapSentence(roadmaps: NoteRoadmapFacts, year: number): string {
  if (roadmaps.total === 0) return `Мероприятий со сроком до конца ${year} года в дорожных картах нет.`;
  const planned = `К концу ${year} года дорожными картами ${agree(roadmaps.total, ['предусмотрено', 'предусмотрены', 'предусмотрено'])} ${pluralize(roadmaps.total, ACTIVITY_FORMS)}`;
  const done =
    roadmaps.done === 0
      ? 'ни одно из них не выполнено'
      : `выполнено ${formatNumber(roadmaps.done)} (${shareOf(roadmaps.done, roadmaps.total)}), из них в срок — ${formatNumber(roadmaps.doneOnTime)}`;
  const overdue = roadmaps.overdue === 0 ? 'просроченных нет' : `просрочено ${formatNumber(roadmaps.overdue)} (${shareOf(roadmaps.overdue, roadmaps.total)})`;
  return `${planned}; ${done}; ${overdue}.`;
}

/** «Берёзовский район — выполнено 10 из 12 мероприятий, просрочено 2.» */
export function municipalityRoadmapItem(row: NoteRoadmapFacts['byMunicipality'][number]): string {
  if (row.total === 0) return `${row.name} — мероприятий со сроком в отчётном периоде нет.`;
  const overdue = row.overdue === 0 ? 'просроченных нет' : `просрочено ${formatNumber(row.overdue)}`;
  return `${row.name} — выполнено ${formatNumber(row.done)} из ${pluralize(row.total, ACTIVITIES_GENITIVE)}, ${overdue}.`;
}

function roadmapTable(roadmaps: NoteRoadmapFacts): ReportTable {
  const total = { name: 'Итого', total: roadmaps.total, done: roadmaps.done, overdue: roadmaps.overdue, share: roadmaps.total > 0 ? roadmaps.done / roadmaps.total : null };
  return {
    id: 'note-roadmaps',
    title: 'Выполнение дорожных карт по муниципалитетам',
    columns: [
      { header: 'Муниципалитет', key: 'name', width: 30 },
      { header: 'Мероприятий', key: 'total', type: 'number', width: 12 },
      { header: 'Выполнено', key: 'done', type: 'number', width: 11 },
      { header: 'Просрочено', key: 'overdue', type: 'number', width: 11 },
      { header: 'Доля выполненных', key: 'share', type: 'percent', width: 12 },
    ],
    rows: [
      ...roadmaps.byMunicipality.map((row) => ({ ...row, share: row.total > 0 ? row.done / row.total : null })),
      total,
    ],
    rowStyle: (row) => (row === total ? 'total' : undefined),
  };
}

function roadmapChart(roadmaps: NoteRoadmapFacts, year: number): ReportChart {
  const rows = roadmaps.byMunicipality;
  return {
    id: 'note-roadmaps-chart',
    title: `Доля выполненных мероприятий дорожных карт, ${year} год`,
    type: 'bar',
    labels: rows.map((row) => row.name),
    series: [
      { label: 'Выполнено, %', values: rows.map((row) => (row.total > 0 ? Math.round((row.done / row.total) * 1000) / 10 : null)) },
      { label: 'Просрочено, %', values: rows.map((row) => (row.total > 0 ? Math.round((row.overdue / row.total) * 1000) / 10 : null)) },
    ],
    unit: '%',
    description: `Диаграмма по муниципалитетам. ${roadmapSentence(roadmaps, year)}`,
  };
}

function roadmapsSection(facts: NoteFacts): ReportBlock[] {
  const { roadmaps } = facts;
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: '3. Выполнение дорожных карт' },
    { kind: 'paragraph', text: roadmapSentence(roadmaps, facts.year) },
  ];
  if (roadmaps.total === 0 || roadmaps.byMunicipality.length === 0) return blocks;
  if (facts.level === 'region' || roadmaps.byMunicipality.length > 1) {
    const lagging = roadmaps.byMunicipality.filter((row) => row.overdue > 0).length;
    blocks.push({
      kind: 'paragraph',
      text:
        lagging === 0
          ? 'Просроченных мероприятий нет ни в одном муниципалитете.'
          : `Просроченные мероприятия есть в ${pluralize(lagging, ['муниципалитете', 'муниципалитетах', 'муниципалитетах'])} из ${formatNumber(roadmaps.byMunicipality.length)}:`,
    });
    blocks.push({ kind: 'list', items: roadmaps.byMunicipality.map(municipalityRoadmapItem) });
  }
  if (roadmaps.byMunicipality.length > 1) blocks.push({ kind: 'chart', chart: roadmapChart(roadmaps, facts.year) });
  blocks.push({ kind: 'table', table: roadmapTable(roadmaps) });
  return blocks;
}

/** «Из 17 показателей целевое значение достигнуто по 9, близко к целевому — по 4, отстают от цели 3, нет данных по 1.» */
export function indicatorSentence(indicators: NoteIndicatorFacts, year: number): string {
  if (indicators.total === 0) return `Показатели мониторинга на ${year} год не установлены.`;
  const parts = [
    indicators.achieved > 0 ? `целевое значение достигнуто по ${formatNumber(indicators.achieved)}` : 'целевое значение не достигнуто ни по одному',
    ...(indicators.close > 0 ? [`близко к целевому — по ${formatNumber(indicators.close)}`] : []),
    ...(indicators.behind > 0 ? [`отстают от цели ${formatNumber(indicators.behind)}`] : []),
    ...(indicators.noData > 0 ? [`нет данных по ${formatNumber(indicators.noData)}`] : []),
  ];
  return `Из ${pluralize(indicators.total, INDICATORS_GENITIVE)} ${joinAnd(parts)}.`;
}

function indicatorsTable(indicators: NoteIndicatorFacts): ReportTable {
  const rows = [
    { status: 'Целевое значение достигнуто', count: indicators.achieved },
    { status: 'Близко к целевому', count: indicators.close },
    { status: 'Отстаёт от цели', count: indicators.behind },
    { status: 'Нет данных', count: indicators.noData },
  ].map((row) => ({ ...row, share: indicators.total > 0 ? row.count / indicators.total : null }));
  const total = { status: 'Всего', count: indicators.total, share: indicators.total > 0 ? 1 : null };
  return {
    id: 'note-indicators',
    title: 'Показатели мониторинга по состоянию',
    columns: [
      { header: 'Состояние', key: 'status', width: 30 },
      { header: 'Показателей', key: 'count', type: 'number', width: 12 },
      { header: 'Доля', key: 'share', type: 'percent', width: 10 },
    ],
    rows: [...rows, total],
    rowStyle: (row) => (row === total ? 'total' : undefined),
  };
}

function indicatorsSection(facts: NoteFacts): ReportBlock[] {
  const { indicators } = facts;
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: '4. Показатели мониторинга' },
    { kind: 'paragraph', text: indicatorSentence(indicators, facts.year) },
  ];
  if (indicators.total === 0) return blocks;
  if (indicators.warnings.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'Расхождений между выполнением мероприятий и динамикой показателей не выявлено.' });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: `${agree(indicators.warnings.length, ['Требует', 'Требуют', 'Требуют'])} внимания ${pluralize(indicators.warnings.length, ['показатель', 'показателя', 'показателей'])}: выполнение мероприятий и динамика значения расходятся.`,
    });
    blocks.push({ kind: 'list', items: indicators.warnings.map((warning) => `${warning.indicator}: ${warning.text}`) });
  }
  blocks.push({ kind: 'table', table: indicatorsTable(indicators) });
  return blocks;
}

/** «Сформировано 6 партнёрских пар; куратор закреплён за 12 школами; в банке практик опубликовано 8 практик, внедрено 5.» */
export function supportSentence(support: NoteSupportFacts, level: 'region' | 'municipality'): string {
  const pairs =
    support.partnerPairs === 0
      ? 'партнёрские пары не сформированы'
      : `${agree(support.partnerPairs, ['сформирована', 'сформированы', 'сформировано'])} ${pluralize(support.partnerPairs, PAIR_FORMS)}`;
  const curators = support.curatedSchools === 0 ? 'кураторы за школами не закреплены' : `куратор закреплён за ${pluralize(support.curatedSchools, SCHOOLS_INSTRUMENTAL)}`;
  const practices =
    support.practicesPublished === 0
      ? 'практик в банке не опубликовано'
      : `в банке ${agree(support.practicesPublished, ['опубликована', 'опубликованы', 'опубликовано'])} ${pluralize(support.practicesPublished, PRACTICE_FORMS)}`;
  const adopted = support.practicesAdopted === 0 ? 'внедрений практик не отмечено' : `отмечено внедрений практик: ${formatNumber(support.practicesAdopted)}`;
  return `${capitalise(inOrganisation(level))} ${pairs}; ${curators}; ${practices}, ${adopted}.`;
}

function supportSection(facts: NoteFacts): ReportBlock[] {
  return [
    { kind: 'heading', level: 1, text: '5. Поддержка школ' },
    { kind: 'paragraph', text: supportSentence(facts.support, facts.level) },
  ];
}

/** «В 2025 году принято 3 управленческих решения.» */
export function decisionsSentence(decisions: readonly NoteDecisionFacts[], year: number): string {
  if (decisions.length === 0) return `Управленческих решений ${inYear(year)} не зафиксировано.`;
  return `${capitalise(inYear(year))} ${agree(decisions.length, ['принято', 'принято', 'принято'])} ${pluralize(decisions.length, DECISION_FORMS)}:`;
}

export function decisionItem(decision: NoteDecisionFacts): string {
  return `${formatDate(decision.date)} — ${decision.title} (ответственный: ${decision.responsible}; срок исполнения — ${dateOrNone(decision.due)}).`;
}

function decisionsTable(decisions: readonly NoteDecisionFacts[]): ReportTable {
  return {
    id: 'note-decisions',
    title: 'Управленческие решения',
    columns: [
      { header: 'Дата', key: 'date', type: 'date', width: 11 },
      { header: 'Решение', key: 'title', width: 40 },
      { header: 'Ответственный', key: 'responsible', width: 22 },
      { header: 'Срок', key: 'due', type: 'date', width: 11 },
    ],
    rows: decisions.map((decision) => ({ date: decision.date, title: decision.title, responsible: decision.responsible, due: decision.due })),
  };
}

function decisionsSection(facts: NoteFacts): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: '6. Управленческие решения' },
    { kind: 'paragraph', text: decisionsSentence(facts.decisions, facts.year) },
  ];
  if (facts.decisions.length === 0) return blocks;
  const sorted = [...facts.decisions].sort((a, b) => a.date.getTime() - b.date.getTime());
  blocks.push({ kind: 'list', items: sorted.map(decisionItem) });
  blocks.push({ kind: 'table', table: decisionsTable(sorted) });
  return blocks;
}

/** The gap between the listed schools' and the overall mean in the last year with both, and the year before it. */
function gaps(series: NoteResultSeries): { last: number; previous: number | null } | null {
  const indexes = comparableYears(series);
  if (indexes.length === 0) return null;
  const gapAt = (index: number) => series.listedMean[index]! - series.overallMean[index]!;
  return { last: gapAt(indexes[indexes.length - 1]!), previous: indexes.length > 1 ? gapAt(indexes[indexes.length - 2]!) : null };
}

/**
 * The note's closing summary, one point per finding that the facts support: how the ШНОР list changed, the widest
 * gap in results and how many gaps narrowed, the share of overdue road-map items and where most are, indicators
 * behind target. Nothing is said where there is nothing to compare.
 */
export function conclusions(facts: NoteFacts): string[] {
  const points: string[] = [];
  const shnor = facts.lists.find((list) => list.category === 'shnor');
  if (shnor && shnor.previousCount !== null) {
    const difference = shnor.count - shnor.previousCount;
    points.push(
      difference === 0
        ? `Число школ в перечне ШНОР не изменилось: ${schools(shnor.count)}.`
        : `Число школ в перечне ШНОР ${difference < 0 ? 'сократилось' : 'выросло'} на ${formatNumber(Math.abs(difference))} — с ${formatNumber(shnor.previousCount)} до ${formatNumber(shnor.count)}.`,
    );
  }
  const measured = facts.results.flatMap((series) => {
    const gap = gaps(series);
    return gap ? [{ series, ...gap }] : [];
  });
  const behind = measured.filter((entry) => Math.round(entry.last * 10) < 0);
  if (behind.length > 0) {
    const widest = behind.reduce((worst, entry) => (entry.last < worst.last ? entry : worst));
    points.push(`Наибольшее отставание школ ШНОР от среднего — ${seriesName(widest.series)}: ${quantity(-widest.last, widest.series.unit, { difference: true })}.`);
  }
  const compared = measured.filter((entry) => entry.previous !== null);
  if (compared.length > 0) {
    const narrowed = compared.filter((entry) => Math.abs(entry.last) < Math.abs(entry.previous!)).length;
    points.push(
      narrowed === 0
        ? 'Разрыв между школами ШНОР и средним не сократился ни по одному предмету.'
        : `Разрыв между школами ШНОР и средним сократился по ${formatNumber(narrowed)} из ${formatNumber(compared.length)} ${plural(compared.length, ['предмета', 'предметов', 'предметов'])}.`,
    );
  }
  if (facts.roadmaps.total > 0 && facts.roadmaps.overdue > 0) {
    const worst = facts.roadmaps.byMunicipality.reduce<NoteRoadmapFacts['byMunicipality'][number] | null>(
      (most, row) => (row.overdue > (most?.overdue ?? 0) ? row : most),
      null,
    );
    const where = worst && facts.roadmaps.byMunicipality.length > 1 ? `; больше всего — ${worst.name} (${formatNumber(worst.overdue)})` : '';
    points.push(`Просрочено ${shareOf(facts.roadmaps.overdue, facts.roadmaps.total)} мероприятий дорожных карт${where}.`);
  }
  const notAchieved = facts.indicators.close + facts.indicators.behind;
  if (facts.indicators.total > 0 && notAchieved > 0) {
    points.push(`Целевое значение не достигнуто по ${formatNumber(notAchieved)} из ${pluralize(facts.indicators.total, INDICATORS_GENITIVE)}.`);
  }
  return points;
}

function conclusionsSection(facts: NoteFacts): ReportBlock[] {
  const points = conclusions(facts);
  if (points.length === 0) return [];
  return [
    { kind: 'heading', level: 1, text: '7. Выводы' },
    { kind: 'list', items: points },
  ];
}

/** «Справка подготовлена по данным на 01.12.2025: перечни школ — по расчёту «…» (методика …, опубликован …); показатели — …» */
export function sourcesSentence(facts: NoteFacts): string {
  const published = facts.run.publishedAt ? `, опубликован ${formatDate(facts.run.publishedAt)}` : ', не опубликован';
  return (
    `Справка подготовлена по данным на ${formatDate(facts.asOf)}. Перечни школ — по расчёту «${facts.run.label}» ` +
    `(версия методики ${facts.run.methodologyVersion}${published}); значения показателей: ${facts.approvalState}.`
  );
}

export function noteTitle(facts: NoteFacts): string {
  return `Аналитическая справка о поддержке ШНОР и ШНСУ — ${facts.organisationName}, ${facts.year} год`;
}

export function buildAnalyticalNote(facts: NoteFacts): ReportDocument {
  return {
    title: noteTitle(facts),
    parameters: [
      ['Организация', facts.organisationName],
      ['Год', String(facts.year)],
      ['Расчёт перечней', facts.run.label],
      ['Версия методики', facts.run.methodologyVersion],
      ['Расчёт опубликован', facts.run.publishedAt ? formatDate(facts.run.publishedAt) : 'не опубликован'],
      ['Значения показателей', facts.approvalState],
    ],
    asOf: facts.asOf,
    blocks: [
      { kind: 'paragraph', text: sourcesSentence(facts) },
      ...listsSection(facts),
      ...resultsSection(facts),
      ...roadmapsSection(facts),
      ...indicatorsSection(facts),
      ...supportSection(facts),
      ...decisionsSection(facts),
      ...conclusionsSection(facts),
    ],
  };
}
