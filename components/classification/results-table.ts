/** The results table of a run: serializable rows, columns and filters for the shared DataTable. */
import type { ColumnSpec, FilterSpec, Row } from '@/components/ui/DataTable';
import { CATEGORY_NAMES } from '@/lib/classification/classify';
import { inReadingOrder, roundTo } from '@/lib/classification/export-rows';
import { MEASURE_DIGITS } from '@/lib/classification/format';
import { DECISION_WORDS, firedRules, type SchoolOverview } from '@/lib/classification/overview';
import { ruleWithName } from '@/lib/classification/rule-names';
import { compareRussian } from '@/lib/format/ru';
import { CATEGORIES, CATEGORY_BADGES, RULE_IDS, RULE_SHORT_NAMES } from './labels';

const RULE_SEPARATOR = ', ';

export const RESULT_COLUMNS: ColumnSpec[] = [
  { key: 'name', header: 'Школа', kind: 'link', hrefKey: 'href' },
  { key: 'municipality', header: 'Муниципалитет' },
  { key: 'category', header: 'Категория', badges: CATEGORY_BADGES },
  { key: 'firedRules', header: 'Сработавшие правила' },
  { key: 'score', header: 'Сумма весов', kind: 'number' },
  { key: 'gap', header: 'Отставание от муниципалитета, баллов', kind: 'number', fractionDigits: MEASURE_DIGITS.gap },
  { key: 'index', header: 'Социальный индекс', kind: 'number', fractionDigits: MEASURE_DIGITS.socialIndex },
  { key: 'cluster', header: 'Кластер' },
  { key: 'stable', header: 'Устойчиво низкие' },
];

/**
 * The columns with the weight sum in the precision of the methodology's weights (whole numbers for whole weights),
 * so it reads the same for every viewer, whichever schools the viewer's rows hold.
 */
export function resultColumns(weights: Readonly<Record<string, number>> | null | undefined): ColumnSpec[] {
  const decimals = (w: number) => (Number.isInteger(w) ? 0 : Math.min(2, String(w).split('.')[1]?.length ?? 2));
  const digits = Math.max(0, ...Object.values(weights ?? {}).map(decimals));
  return RESULT_COLUMNS.map((c) => (c.key === 'score' ? { ...c, fractionDigits: digits } : c));
}

/** One row per school, by municipality and then school name (the stored order is by id, which means nothing to a reader). */
export function resultRows(runId: string, schools: readonly SchoolOverview[], municipalityNames: ReadonlyMap<string, string>): Row[] {
  return inReadingOrder(schools, municipalityNames).map((s) => ({
    name: s.name,
    href: `/classification/runs/${runId}/schools/${s.schoolId}`,
    municipality: municipalityNames.get(s.municipalityId) ?? '—',
    category: CATEGORY_NAMES[s.category],
    firedRules: firedRules(s).map(ruleWithName).join(RULE_SEPARATOR),
    score: s.lowResults.score,
    gap: roundTo(s.results.municipalGap, MEASURE_DIGITS.gap),
    index: roundTo(s.social.index, MEASURE_DIGITS.socialIndex),
    cluster: s.cluster === null ? null : String(s.cluster),
    stable: DECISION_WORDS[s.stable.decision],
  }));
}

export function resultFilters(schools: readonly SchoolOverview[], municipalityNames: ReadonlyMap<string, string>): FilterSpec[] {
  const municipalities = [...new Set(schools.map((s) => municipalityNames.get(s.municipalityId) ?? '—'))].sort(compareRussian);
  const clusters = [...new Set(schools.flatMap((s) => (s.cluster === null ? [] : [s.cluster])))].sort((a, b) => a - b);
  return [
    { key: 'category', label: 'Категория', options: CATEGORIES.map((c) => ({ value: CATEGORY_NAMES[c], label: CATEGORY_NAMES[c] })) },
    { key: 'municipality', label: 'Муниципалитет', options: municipalities.map((m) => ({ value: m, label: m })) },
    { key: 'cluster', label: 'Кластер', options: clusters.map((c) => ({ value: String(c), label: `Кластер ${c}` })) },
    {
      key: 'firedRules',
      label: 'Сработавшее правило',
      separator: RULE_SEPARATOR,
      options: RULE_IDS.map((r) => ({ value: ruleWithName(r), label: `${r}: ${RULE_SHORT_NAMES[r]}` })),
    },
  ];
}
