/**
 * A run's schools as export rows, pure: what the results table shows, in the screen's order (municipality, then
 * school name), with the ШНОР score and threshold, the three decisions with the rules by code and name, each
 * school's reasons in words, its partners and its rank as a number; and a second sheet with what the run rests
 * on — methodology, version, parameters, input digest. Numbers stay numbers.
 */
import { safeFileName } from '@/lib/export/file';
import type { XlsxColumn, XlsxSheet } from '@/lib/export/xlsx';
import { compareRussian, formatDate, formatNumber } from '@/lib/format/ru';
import { CATEGORY_NAMES, type SchoolClassification } from './classify';
import { SOCIAL_VARIABLE_NAMES, type SocialVariable } from './methodology';
import { EXAM_NAMES, subjectInfo } from './subjects';
import type { ExamCode, SubjectCode } from './types';
import { MEASURE_DIGITS } from './format';
import { DECISION_WORDS, firedRules, type SchoolOverview } from './overview';
import { ruleWithName, rulesWithNames } from './rule-names';

export const RUN_EXPORT_COLUMNS = [
  { key: 'school', header: 'Школа', width: 40 },
  { key: 'municipality', header: 'Муниципалитет', width: 30 },
  { key: 'category', header: 'Категория', width: 26 },
  { key: 'lowResults', header: 'ШНОР', width: 12 },
  { key: 'firedRules', header: 'Сработавшие правила', width: 40 },
  { key: 'score', header: 'Сумма весов', width: 12, type: 'number' },
  { key: 'threshold', header: 'Порог ШНОР', width: 12, type: 'number' },
  { key: 'stable', header: 'Устойчиво низкие', width: 16 },
  { key: 'unfavourable', header: 'ШНСУ', width: 12 },
  { key: 'index', header: 'Социальный индекс', width: 16, type: 'number' },
  { key: 'cluster', header: 'Кластер', width: 10, type: 'number' },
  { key: 'gap', header: 'Отставание от муниципалитета, баллов', width: 20, type: 'number' },
  { key: 'rank', header: 'Место в рейтинге муниципалитета', width: 18, type: 'number' },
  { key: 'sharedRank', header: 'Общее место', width: 12 },
  { key: 'ratingScore', header: 'Балл рейтинга', width: 14, type: 'number' },
  { key: 'reasons', header: 'Обоснование', width: 80 },
  { key: 'partners', header: 'Школы-партнёры', width: 50 },
] as const satisfies readonly XlsxColumn[];

export type RunExportKey = (typeof RUN_EXPORT_COLUMNS)[number]['key'];
export type RunExportRow = Record<RunExportKey, string | number | null>;

/** A measure rounded to its one precision (MEASURE_DIGITS), the same in the table on screen and in the export. */
export const roundTo = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** The order of the results table and of the export: municipality, then school name (numbers inside names in numeric order). */
export function inReadingOrder<T extends Pick<SchoolOverview, 'name' | 'municipalityId'>>(schools: readonly T[], municipalityNames: ReadonlyMap<string, string>): T[] {
  const municipality = (s: T) => municipalityNames.get(s.municipalityId) ?? '—';
  return [...schools].sort((a, b) => compareRussian(municipality(a), municipality(b)) || compareRussian(a.name, b.name));
}

const isFull = (s: SchoolOverview): s is SchoolClassification => 'categorySentence' in s;

/** The school's reasons in words: the category, the ШНОР decision with each fired rule, the ШНСУ reasons. */
export function reasonsInWords(s: SchoolOverview): string {
  if (!isFull(s)) {
    const fired = firedRules(s);
    return `${CATEGORY_NAMES[s.category]}. ${fired.length > 0 ? `Сработали правила ${rulesWithNames(fired)}` : 'Ни одно правило ШНОР не сработало'}; сумма весов ${s.lowResults.score} при пороге ${s.lowResults.threshold}. Полное объяснение — в карточке школы.`;
  }
  const fired = s.rules.filter((r) => r.status === 'fired').map((r) => `${ruleWithName(r.rule)}: ${r.sentence}`);
  return [s.categorySentence, s.lowResults.sentence, ...fired, ...s.unfavourable.reasons].filter((t) => t.trim() !== '').join(' ');
}

function partnersOf(s: SchoolOverview): string {
  return isFull(s) ? s.partners.map((p) => p.name).join('; ') : '';
}

export function runExportRows(schools: readonly SchoolOverview[], municipalityNames: ReadonlyMap<string, string>): RunExportRow[] {
  return inReadingOrder(schools, municipalityNames).map((s) => ({
    school: s.name,
    municipality: municipalityNames.get(s.municipalityId) ?? '',
    category: CATEGORY_NAMES[s.category],
    lowResults: DECISION_WORDS[s.lowResults.decision],
    firedRules: rulesWithNames(firedRules(s)),
    score: s.lowResults.score,
    threshold: s.lowResults.threshold,
    stable: DECISION_WORDS[s.stable.decision],
    unfavourable: DECISION_WORDS[s.unfavourable.decision],
    index: roundTo(s.social.index, MEASURE_DIGITS.socialIndex),
    cluster: s.cluster,
    gap: roundTo(s.results.municipalGap, MEASURE_DIGITS.gap),
    rank: s.rating?.rank ?? null,
    sharedRank: s.rating?.rankLabel.includes('–') ? s.rating.rankLabel : s.rating ? '' : 'недостаточно данных',
    ratingScore: s.rating ? roundTo(s.rating.score, MEASURE_DIGITS.ratingScore) : null,
    reasons: reasonsInWords(s),
    partners: partnersOf(s),
  }));
}

export interface RunBasis {
  year: number;
  scope: string;
  methodologyName: string;
  methodologyVersion: number;
  inputDigest: string;
  status: 'draft' | 'published';
  createdAt: Date;
  schoolCount: number;
  /** The methodology's parameters, as stored. */
  params: unknown;
  /** Parameter path → its Russian label (the methodology form's). */
  labels: ReadonlyMap<string, string>;
}

/** Every leaf of the parameters as «path → value»; lists as text. */
/** Parameters the form shows in words rather than as number fields: their labels and readable values. */
const WORDED_PARAMS: Record<string, { label: string; text?: (value: unknown) => string }> = {
  judged: {
    label: 'Оцениваемые экзамены и предметы',
    text: (value) =>
      (value as { exam: ExamCode; subject: SubjectCode }[]).map((j) => `${EXAM_NAMES[j.exam]}, ${subjectInfo(j.subject).name.toLowerCase()}`).join('; '),
  },
  'r3.consecutiveYears': { label: 'R3: два года подряд' },
  'social.variables': {
    label: 'Переменные социального индекса',
    text: (value) =>
      (value as { variable: SocialVariable; weight: number; sign: number }[])
        .map((v) => `${SOCIAL_VARIABLE_NAMES[v.variable] ?? v.variable}: вес ${formatNumber(v.weight)}, ${v.sign === 1 ? 'больше — неблагополучнее' : 'больше — благополучнее'}`)
        .join('; '),
  },
};

function leaves(value: unknown, path = ''): [string, string | number][] {
  const worded = WORDED_PARAMS[path]?.text;
  if (worded) return [[path, worded(value)]];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
  }
  if (typeof value === 'number') return [[path, value]];
  if (typeof value === 'boolean') return [[path, value ? 'да' : 'нет']];
  return [[path, typeof value === 'string' ? value : JSON.stringify(value)]];
}

/** The second sheet: what the run rests on, so a reader of the file can reproduce it. */
export function runBasisSheet(basis: RunBasis): XlsxSheet {
  const order = [...Object.keys(WORDED_PARAMS).slice(0, 1), ...basis.labels.keys(), ...Object.keys(WORDED_PARAMS).slice(1)];
  const paramOrder = (path: string) => (order.includes(path) ? order.indexOf(path) : order.length);
  const rows: { name: string; value: string | number }[] = [
    { name: 'Год', value: basis.year },
    { name: 'Охват расчёта', value: basis.scope },
    { name: 'Методика', value: basis.methodologyName },
    { name: 'Версия методики', value: basis.methodologyVersion },
    { name: 'Статус расчёта', value: basis.status === 'published' ? 'опубликован' : 'черновик' },
    { name: 'Дата расчёта', value: formatDate(basis.createdAt) },
    { name: 'Школ в расчёте', value: basis.schoolCount },
    { name: 'Отпечаток входных данных (sha256)', value: basis.inputDigest },
    // In the form's order, each under its Russian label (never an internal key), lists in words.
    ...leaves(basis.params)
      .sort(([a], [b]) => paramOrder(a) - paramOrder(b))
      .map(([path, value]) => ({ name: `Параметр: ${basis.labels.get(path) ?? WORDED_PARAMS[path]?.label ?? path}`, value })),
  ];
  return {
    name: 'Методика и данные',
    columns: [{ key: 'name', header: 'Показатель', width: 60 }, { key: 'value', header: 'Значение', width: 70 }],
    rows,
  };
}

/** «Классификация школ 2026 — <методика>, версия N.xlsx» without characters file systems refuse. */
export function runExportFileName(year: number, methodologyName: string, version: number, extension: string): string {
  const clean = safeFileName(methodologyName, 80);
  return `Классификация школ ${year} — ${clean || 'методика'}, версия ${version}.${extension}`;
}
