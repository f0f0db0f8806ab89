/**
 * The monitoring report of a region or a municipality for a year as a `ReportDocument`, and the analytical
 * note's facts, both from the same `MonitoringData` (pure: no database, no framework). Every figure of the note is
 * therefore the figure the report's tables show.
 */
import { CATEGORY_NAMES } from '@/lib/classification/classify';
import { EXAM_NAMES, subjectInfo } from '@/lib/classification/subjects';
import type { SubjectCode } from '@/lib/classification/types';
import { compareRussian, formatDate, formatDateTime, plural } from '@/lib/format/ru';
import { STATUS_LABELS } from '@/lib/indicators/status';
import type { ReportBlock, ReportChart, ReportDocument, ReportTable } from '@/lib/reports/document/model';
import type { NoteFacts, NoteListCategory, NoteResultSeries } from '@/lib/reports/note/facts';
import { LIST_CATEGORIES, LIST_OF_CATEGORY, LIST_TITLES, type MonitoringData, type RoadmapGroup, type ResultRow } from './data';

const SCHOOLS = ['школа', 'школы', 'школ'] as const;
const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
const isoDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

export interface ListChange {
  category: NoteListCategory;
  count: number;
  previousCount: number | null;
  rural: number;
  entered: { schoolId: string; name: string; municipality: string; before: string }[];
  left: { schoolId: string; name: string; municipality: string; now: string }[];
}

/** Which lists a school of a category is in: each table shows the exclusive lists (a school in one list). */
type ListMembership = (category: string | undefined) => readonly NoteListCategory[];
const exclusiveLists: ListMembership = (category) => {
  const list = category ? LIST_OF_CATEGORY[category as keyof typeof LIST_OF_CATEGORY] : undefined;
  return list ? [list] : [];
};
/** The note's «перечень ШНОР» / «перечень ШНСУ» hold every such school, those in both lists too. */
const inclusiveLists: ListMembership = (category) => {
  const lists = exclusiveLists(category);
  return lists.includes('both') ? ['shnor', 'shnsu', 'both'] : lists;
};

/** Each list this year against the previous year's run: counts, rural schools, who entered and who left. */
export function listChanges(data: MonitoringData, membership: ListMembership = exclusiveLists): ListChange[] {
  const nowById = new Map(data.listed.map((s) => [s.schoolId, s]));
  const beforeById = new Map(data.previous.map((s) => [s.schoolId, s]));
  return LIST_CATEGORIES.map((category) => {
    const now = data.listed.filter((s) => membership(s.category).includes(category));
    const before = data.previous.filter((s) => membership(s.category).includes(category));
    const hasPrevious = data.previousRun !== null;
    const entered = hasPrevious
      ? now.filter((s) => !membership(beforeById.get(s.schoolId)?.category).includes(category)).map((s) => ({
          schoolId: s.schoolId, name: s.name, municipality: s.municipality,
          before: beforeById.has(s.schoolId) ? CATEGORY_NAMES[beforeById.get(s.schoolId)!.category] : 'не было в перечнях',
        }))
      : [];
    const left = hasPrevious
      ? before.filter((s) => !membership(nowById.get(s.schoolId)?.category).includes(category)).map((s) => ({
          schoolId: s.schoolId, name: s.name, municipality: s.municipality,
          now: nowById.has(s.schoolId) ? CATEGORY_NAMES[nowById.get(s.schoolId)!.category] : 'нет в перечнях',
        }))
      : [];
    return { category, count: now.length, previousCount: hasPrevious ? before.length : null, rural: now.filter((s) => s.rural).length, entered, left };
  });
}

function runLabel(data: MonitoringData, run: MonitoringData['run']): string {
  if (!run) return 'нет опубликованного расчёта за год';
  const published = run.publishedAt ? `опубликован ${formatDate(run.publishedAt)}` : 'опубликован';
  return `расчёт ${run.year} года (${run.scopeName}), ${published}, выполнен ${formatDateTime(run.createdAt)}`;
}

/** «все значения утверждены (2 из 2 организаций)» / «утверждены значения 1 из 2 организаций; …». */
export function approvalStateText(approved: number, total: number): string {
  if (total === 0) return 'нет организаций со значениями показателей';
  const of = `${approved} из ${total} ${plural(total, ['организации', 'организаций', 'организаций'])}`;
  if (approved === total) return `все значения утверждены (${of})`;
  return `утверждены значения ${of}; неутверждённые значения в отчёт не входят`;
}

function parameters(data: MonitoringData): [string, string][] {
  const { organisation, run, previousRun } = data;
  return [
    ['Организация', organisation.name],
    ['Уровень', organisation.level === 'region' ? 'регион' : `муниципалитет (${organisation.regionName})`],
    ['Год', String(data.year)],
    ['Расчёт классификации', runLabel(data, run)],
    ['Идентификатор расчёта', run?.id ?? '—'],
    ['Методика', run ? `${run.methodologyName}, версия ${run.methodologyVersion}` : '—'],
    ['Отпечаток входных данных расчёта (sha256)', run?.inputDigest ?? '—'],
    ['Расчёт прошлого года', runLabel(data, previousRun)],
    ['Показатели', approvalStateText(data.indicators.approvedOrganisations, data.indicators.organisations)],
    ['Сроки мероприятий оценены на', formatDate(isoDate(data.onDate))],
  ];
}

const table = (t: ReportTable): ReportBlock => ({ kind: 'table', table: t });
const heading = (text: string, level: 1 | 2 | 3 = 1): ReportBlock => ({ kind: 'heading', level, text });
const paragraph = (text: string): ReportBlock => ({ kind: 'paragraph', text });

function listBlocks(data: MonitoringData): ReportBlock[] {
  const changes = listChanges(data);
  const summary: ReportTable = {
    id: 'lists',
    title: 'Перечни школ',
    columns: [
      { key: 'list', header: 'Перечень', width: 40 },
      { key: 'count', header: `Школ в ${data.year} году`, type: 'number', width: 14 },
      { key: 'previous', header: `Школ в ${data.year - 1} году`, type: 'number', width: 14 },
      { key: 'change', header: 'Изменение', type: 'number', width: 12 },
      { key: 'rural', header: 'Из них сельских', type: 'number', width: 14 },
      { key: 'entered', header: 'Вошли', type: 'number', width: 10 },
      { key: 'left', header: 'Вышли', type: 'number', width: 10 },
    ],
    rows: changes.map((c) => ({
      list: LIST_TITLES[c.category],
      count: c.count,
      previous: c.previousCount,
      change: c.previousCount === null ? null : c.count - c.previousCount,
      rural: c.rural,
      entered: c.previousCount === null ? null : c.entered.length,
      left: c.previousCount === null ? null : c.left.length,
    })),
    note: data.previousRun ? undefined : `Опубликованного расчёта за ${data.year - 1} год нет: изменения не считаются.`,
  };
  const order = (a: { municipality: string; name: string }, b: { municipality: string; name: string }) => compareRussian(a.municipality, b.municipality) || compareRussian(a.name, b.name);
  const schools: ReportTable = {
    id: 'listed-schools',
    title: 'Школы в перечнях',
    columns: [
      { key: 'list', header: 'Перечень', width: 26 },
      { key: 'school', header: 'Школа', width: 40 },
      { key: 'municipality', header: 'Муниципалитет', width: 26 },
      { key: 'settlement', header: 'Местность', width: 12 },
      { key: 'reasons', header: 'Основания', width: 100 },
    ],
    rows: LIST_CATEGORIES.flatMap((category) =>
      data.listed.filter((s) => LIST_OF_CATEGORY[s.category] === category).sort(order).map((s) => ({
        list: CATEGORY_NAMES[s.category], school: s.name, municipality: s.municipality, settlement: s.rural ? 'сельская' : 'городская', reasons: s.reasons,
      })),
    ),
  };
  const moves: ReportTable = {
    id: 'list-changes',
    title: 'Вошли в перечни и вышли из них',
    columns: [
      { key: 'list', header: 'Перечень', width: 26 },
      { key: 'change', header: 'Изменение', width: 12 },
      { key: 'school', header: 'Школа', width: 40 },
      { key: 'municipality', header: 'Муниципалитет', width: 26 },
      { key: 'other', header: 'Категория в другом году', width: 30 },
    ],
    rows: changes.flatMap((c) => [
      ...[...c.entered].sort(order).map((s) => ({ list: LIST_TITLES[c.category], change: 'вошла', school: s.name, municipality: s.municipality, other: `${data.year - 1}: ${s.before}` })),
      ...[...c.left].sort(order).map((s) => ({ list: LIST_TITLES[c.category], change: 'вышла', school: s.name, municipality: s.municipality, other: `${data.year}: ${s.now}` })),
    ]),
    note: data.previousRun ? undefined : `Опубликованного расчёта за ${data.year - 1} год нет.`,
  };
  const sentence = changes
    .map((c) => `${LIST_TITLES[c.category]} — ${c.count} ${plural(c.count, SCHOOLS)}`)
    .join('; ');
  return [
    heading('1. Перечни ШНОР, ШНСУ и резильентных школ'),
    paragraph(data.run ? `По опубликованному расчёту ${data.year} года: ${sentence}.` : `За ${data.year} год нет опубликованного расчёта классификации: перечни не составлены.`),
    table(summary),
    table(schools),
    table(moves),
  ];
}

const MEASURE = (exam: ResultRow['exam']) => (exam === 'VPR' ? 'Доля «2», %' : 'Средний балл');
const subjectName = (code: string) => {
  try {
    return subjectInfo(code as SubjectCode).name;
  } catch {
    return code;
  }
};
const EXAM_ORDER: Record<ResultRow['exam'], number> = { EGE: 0, OGE: 1, VPR: 2 };
const CHART_SUBJECTS: readonly [ResultRow['exam'], string][] = [
  ['EGE', 'russian'], ['EGE', 'mathematics_profile'], ['OGE', 'russian'], ['OGE', 'mathematics'], ['VPR', 'russian'], ['VPR', 'mathematics'],
];

/** The result series of each exam and subject, years ascending; `overall` is the municipality's (or the region's) figure. */
export function resultSeries(data: MonitoringData): NoteResultSeries[] {
  const groups = new Map<string, ResultRow[]>();
  for (const r of data.results) groups.set(`${r.exam}:${r.subject}`, [...(groups.get(`${r.exam}:${r.subject}`) ?? []), r]);
  const municipal = data.organisation.level === 'municipality';
  return [...groups.values()]
    .sort((a, b) => EXAM_ORDER[a[0]!.exam] - EXAM_ORDER[b[0]!.exam] || compareRussian(subjectName(a[0]!.subject), subjectName(b[0]!.subject)))
    .map((rows) => {
      const sorted = [...rows].sort((a, b) => a.year - b.year);
      return {
        exam: EXAM_NAMES[sorted[0]!.exam],
        subject: subjectName(sorted[0]!.subject).toLowerCase(),
        years: sorted.map((r) => r.year),
        listedMean: sorted.map((r) => round1(r.listed)),
        overallMean: sorted.map((r) => round1(municipal ? r.municipal : r.regional)),
        unit: sorted[0]!.exam === 'VPR' ? '%' : 'балл',
      };
    });
}

function resultBlocks(data: MonitoringData): ReportBlock[] {
  const municipal = data.organisation.level === 'municipality';
  const rows = [...data.results].sort((a, b) => EXAM_ORDER[a.exam] - EXAM_ORDER[b.exam] || compareRussian(subjectName(a.subject), subjectName(b.subject)) || a.year - b.year);
  const results: ReportTable = {
    id: 'results',
    title: 'Результаты ГИА и ВПР',
    columns: [
      { key: 'exam', header: 'Процедура', width: 10 },
      { key: 'subject', header: 'Предмет', width: 26 },
      { key: 'year', header: 'Год', type: 'number', width: 8 },
      { key: 'measure', header: 'Показатель', width: 16 },
      { key: 'listed', header: 'Школы ШНОР', type: 'number', width: 14 },
      ...(municipal ? [{ key: 'municipal', header: 'Муниципалитет', type: 'number' as const, width: 16 }] : []),
      { key: 'regional', header: 'Регион', type: 'number', width: 12 },
    ],
    rows: rows.map((r) => ({
      exam: EXAM_NAMES[r.exam], subject: subjectName(r.subject), year: r.year, measure: MEASURE(r.exam),
      listed: round1(r.listed), municipal: round1(r.municipal), regional: round1(r.regional),
    })),
    note: 'ЕГЭ и ОГЭ — средний балл, взвешенный по числу участников; ВПР — доля работ с отметкой «2», %. Школы ШНОР — школы перечней ШНОР и «ШНОР и ШНСУ» этого года.',
  };
  const charts: ReportBlock[] = CHART_SUBJECTS.flatMap(([exam, subject]) => {
    const series = rows.filter((r) => r.exam === exam && r.subject === subject);
    if (series.length === 0 || series.every((r) => r.listed === null)) return [];
    const chart: ReportChart = {
      id: `results-${exam.toLowerCase()}-${subject}`,
      title: `${EXAM_NAMES[exam]}, ${subjectName(subject).toLowerCase()}: ${MEASURE(exam).toLowerCase()}`,
      type: 'line',
      labels: series.map((r) => String(r.year)),
      series: [
        { label: 'Школы ШНОР', values: series.map((r) => round1(r.listed)) },
        ...(municipal ? [{ label: data.organisation.name, values: series.map((r) => round1(r.municipal)), dashed: true }] : []),
        { label: municipal ? data.organisation.regionName : 'Регион', values: series.map((r) => round1(r.regional)), dashed: true },
      ],
      unit: exam === 'VPR' ? '%' : 'балл',
      description: `${EXAM_NAMES[exam]} по предмету «${subjectName(subject)}» за ${series[0]!.year}–${series[series.length - 1]!.year} годы: школы ШНОР в сравнении со средним ${municipal ? 'по муниципалитету и по региону' : 'по региону'}.`,
    };
    return [{ kind: 'chart', chart } satisfies ReportBlock];
  });
  return [heading('2. Результаты ГИА и ВПР'), table(results), ...charts];
}

const GROUP_COLUMNS = [
  { key: 'total', header: 'Мероприятий со сроком в году', type: 'number', width: 16 },
  { key: 'done', header: 'Выполнено', type: 'number', width: 12 },
  { key: 'onTime', header: 'В работе, срок не истёк', type: 'number', width: 14 },
  { key: 'overdue', header: 'Просрочено', type: 'number', width: 12 },
  { key: 'doneShare', header: 'Доля выполненных', type: 'percent', width: 12 },
] as const;

function groupRow(g: RoadmapGroup): Record<string, unknown> {
  return { total: g.total, done: g.done, onTime: g.onTime, overdue: g.overdue, doneShare: g.total === 0 ? null : g.done / g.total };
}

export function roadmapTotals(groups: readonly RoadmapGroup[]): RoadmapGroup {
  return groups.reduce((sum, g) => ({ name: 'Итого', total: sum.total + g.total, done: sum.done + g.done, onTime: sum.onTime + g.onTime, overdue: sum.overdue + g.overdue }), { name: 'Итого', total: 0, done: 0, onTime: 0, overdue: 0 });
}

function roadmapBlocks(data: MonitoringData): ReportBlock[] {
  const { byMunicipality, bySection, overdue } = data.roadmaps;
  const total = roadmapTotals(byMunicipality);
  return [
    heading('3. Исполнение дорожных карт'),
    paragraph(`Сроки оценены на ${formatDate(isoDate(data.onDate))}. Учтены мероприятия со сроком до конца ${data.year} года, кроме отменённых; выполненное мероприятие считается выполненным в срок (дата выполнения не записывается).`),
    table({
      id: 'roadmaps-municipalities',
      title: 'Дорожные карты по муниципалитетам',
      columns: [{ key: 'name', header: 'Муниципалитет', width: 32 }, ...GROUP_COLUMNS],
      rows: [...byMunicipality.map((g) => ({ name: g.name, ...groupRow(g) })), { name: total.name, ...groupRow(total), total_row: true }],
      rowStyle: (row) => (row.total_row ? 'total' : undefined),
    }),
    table({
      id: 'roadmaps-sections',
      title: 'Дорожные карты по разделам',
      columns: [{ key: 'roadmap', header: 'Дорожная карта', width: 40 }, { key: 'name', header: 'Раздел', width: 40 }, ...GROUP_COLUMNS],
      rows: bySection.map((g) => ({ roadmap: g.roadmap, name: g.name, ...groupRow(g) })),
      note: 'Разделы региональных и муниципальных дорожных карт; школьные карты учтены в таблице по муниципалитетам.',
    }),
    table({
      id: 'roadmaps-overdue',
      title: 'Просроченные мероприятия',
      columns: [
        { key: 'municipality', header: 'Муниципалитет', width: 24 },
        { key: 'roadmap', header: 'Дорожная карта', width: 36 },
        { key: 'number', header: '№', width: 8 },
        { key: 'activity', header: 'Мероприятие', width: 60 },
        { key: 'deadline', header: 'Срок', width: 20 },
        { key: 'periodEnd', header: 'Срок истёк', type: 'date', width: 12 },
        { key: 'responsible', header: 'Ответственные', width: 30 },
      ],
      rows: overdue.map((o) => ({ ...o, periodEnd: isoDate(o.periodEnd) })),
    }),
  ];
}

function indicatorBlocks(data: MonitoringData): ReportBlock[] {
  const rows = data.indicators.rows;
  const warnings = rows.filter((r) => r.warning !== null);
  return [
    heading('4. Показатели'),
    paragraph(`Значения показателей — только утверждённые (заблокированные) за ${data.year} год: ${approvalStateText(data.indicators.approvedOrganisations, data.indicators.organisations)}.`),
    table({
      id: 'indicators',
      title: 'Показатели: значение, цель, статус',
      columns: [
        { key: 'code', header: 'Код', width: 8 },
        { key: 'name', header: 'Показатель', width: 50 },
        { key: 'unit', header: 'Единица', width: 10 },
        { key: 'organisation', header: 'Организация', width: 28 },
        { key: 'value', header: `Значение ${data.year}`, type: 'number', width: 12 },
        { key: 'approved', header: 'Утверждено', width: 12 },
        { key: 'baseline', header: 'Базовое', type: 'number', width: 10 },
        { key: 'target', header: 'Цель', type: 'number', width: 10 },
        { key: 'targetYear', header: 'Год цели', type: 'number', width: 10 },
        { key: 'status', header: 'Статус', width: 14 },
        { key: 'warning', header: 'Предупреждение', width: 70 },
      ],
      rows: rows.map((r) => ({
        code: r.code, name: r.name, unit: r.unitWord, organisation: r.organisation,
        value: r.value === null ? null : Math.round(r.value * 100) / 100,
        approved: r.approved ? 'да' : 'нет',
        baseline: r.baseline?.value ?? null, target: r.target?.value ?? null, targetYear: r.target?.year ?? null,
        status: STATUS_LABELS[r.status], warning: r.warning ?? '',
      })),
    }),
    ...(warnings.length > 0 ? [heading('Предупреждения', 2), { kind: 'list', items: warnings.map((w) => `${w.code}. ${w.name} — ${w.organisation}: ${w.warning}`) } satisfies ReportBlock] : []),
  ];
}

function supportBlocks(data: MonitoringData): ReportBlock[] {
  const { pairs, curated } = data.support;
  return [
    heading('5. Сопровождение школ'),
    table({
      id: 'support',
      title: 'Сопровождение: итоги',
      columns: [{ key: 'what', header: 'Что', width: 60 }, { key: 'count', header: 'Количество', type: 'number', width: 14 }],
      rows: [
        { what: 'Пары «школа ШНОР — школа-партнёр» (по расчёту классификации)', count: pairs.length },
        { what: 'Школы перечней, чьи дорожные карты согласует куратор', count: curated.length },
      ],
    }),
    table({
      id: 'support-pairs',
      title: 'Школы-партнёры',
      columns: [{ key: 'school', header: 'Школа', width: 40 }, { key: 'partner', header: 'Школа-партнёр', width: 40 }],
      rows: pairs.map((p) => ({ ...p })),
    }),
    table({
      id: 'support-curators',
      title: 'Кураторы',
      columns: [{ key: 'school', header: 'Школа', width: 40 }, { key: 'municipality', header: 'Муниципалитет', width: 26 }, { key: 'curators', header: 'Кураторы', width: 50 }],
      rows: curated.map((c) => ({ ...c })),
    }),
  ];
}

function decisionBlocks(data: MonitoringData): ReportBlock[] {
  return [
    heading('6. Управленческие решения'),
    table({
      id: 'decisions',
      title: 'Управленческие решения',
      columns: [
        { key: 'decidedOn', header: 'Дата', type: 'date', width: 12 },
        { key: 'title', header: 'Решение', width: 60 },
        { key: 'document', header: 'Документ', width: 30 },
        { key: 'finding', header: 'По результатам мониторинга', width: 50 },
        { key: 'concerned', header: 'Организации', width: 40 },
        { key: 'responsible', header: 'Ответственный', width: 30 },
        { key: 'dueDate', header: 'Срок', type: 'date', width: 12 },
        { key: 'items', header: 'Мероприятия дорожных карт', width: 50 },
      ],
      rows: data.decisions.map((d) => ({ ...d, decidedOn: isoDate(d.decidedOn), dueDate: d.dueDate ? isoDate(d.dueDate) : null })),
      note: data.decisions.length === 0 ? `Решений за ${data.year} год не записано.` : undefined,
    }),
  ];
}

export function monitoringTitle(name: string, year: number): string {
  return `Мониторинговый отчёт о поддержке ШНОР и ШНСУ — ${name}, ${year} год`;
}

/** The monitoring report as a document: the title page's parameters, then the six sections (a)–(f). */
export function buildMonitoringReport(data: MonitoringData): ReportDocument {
  return {
    title: monitoringTitle(data.organisation.name, data.year),
    parameters: parameters(data),
    asOf: isoDate(data.onDate),
    blocks: [...listBlocks(data), ...resultBlocks(data), ...roadmapBlocks(data), ...indicatorBlocks(data), ...supportBlocks(data), ...decisionBlocks(data)],
  };
}

/** The analytical note's facts: the same figures the report's tables show. */
export function monitoringNoteFacts(data: MonitoringData): NoteFacts {
  const changes = listChanges(data, inclusiveLists);
  const rows = data.indicators.rows;
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  const total = roadmapTotals(data.roadmaps.byMunicipality);
  return {
    organisationName: data.organisation.name,
    level: data.organisation.level,
    year: data.year,
    run: data.run
      ? { label: runLabel(data, data.run), methodologyVersion: `${data.run.methodologyName}, версия ${data.run.methodologyVersion}`, publishedAt: data.run.publishedAt }
      : { label: runLabel(data, null), methodologyVersion: '—', publishedAt: null },
    approvalState: approvalStateText(data.indicators.approvedOrganisations, data.indicators.organisations),
    asOf: isoDate(data.onDate),
    lists: changes.map((c) => ({ category: c.category, count: c.count, previousCount: c.previousCount, rural: c.rural, entered: c.entered.length, left: c.left.length })),
    results: resultSeries(data),
    roadmaps: {
      total: total.total,
      done: total.done,
      // Items record no completion date: a done item counts as done on time (as the indicator warnings count it).
      doneOnTime: total.done,
      overdue: total.overdue,
      byMunicipality: data.roadmaps.byMunicipality.map((g) => ({ name: g.name, total: g.total, done: g.done, overdue: g.overdue })),
    },
    indicators: {
      total: rows.length,
      achieved: count('achieved'),
      close: count('close'),
      behind: count('behind'),
      noData: count('no_data'),
      warnings: rows.filter((r) => r.warning !== null).map((r) => ({ indicator: `${r.code}. ${r.name} — ${r.organisation}`, text: r.warning! })),
    },
    support: {
      partnerPairs: data.support.pairs.length,
      curatedSchools: data.support.curated.length,
      // The practice bank is not part of this branch: no practices are counted here until it is merged.
      practicesPublished: 0,
      practicesAdopted: 0,
    },
    decisions: data.decisions.map((d) => ({ date: isoDate(d.decidedOn), title: d.title, responsible: d.responsible, due: d.dueDate ? isoDate(d.dueDate) : null })),
  };
}

