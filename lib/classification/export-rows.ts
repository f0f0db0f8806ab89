/**
 * A run's schools as export rows, pure: what the results table shows, one row per school in the run's order, with
 * the ШНОР score and threshold, the three decisions and the municipal rating. Numbers stay numbers.
 */
import { safeFileName } from '@/lib/export/file';
import type { XlsxColumn } from '@/lib/export/xlsx';
import { CATEGORY_NAMES } from './classify';
import { DECISION_WORDS, firedRules, type SchoolOverview } from './overview';

export const RUN_EXPORT_COLUMNS = [
  { key: 'school', header: 'Школа', width: 40 },
  { key: 'municipality', header: 'Муниципалитет', width: 30 },
  { key: 'category', header: 'Категория', width: 26 },
  { key: 'lowResults', header: 'ШНОР', width: 12 },
  { key: 'firedRules', header: 'Сработавшие правила', width: 20 },
  { key: 'score', header: 'Сумма весов', width: 12, type: 'number' },
  { key: 'threshold', header: 'Порог ШНОР', width: 12, type: 'number' },
  { key: 'stable', header: 'Устойчиво низкие', width: 16 },
  { key: 'unfavourable', header: 'ШНСУ', width: 12 },
  { key: 'index', header: 'Социальный индекс', width: 16, type: 'number' },
  { key: 'cluster', header: 'Кластер', width: 10, type: 'number' },
  { key: 'gap', header: 'Отставание от муниципалитета, баллов', width: 20, type: 'number' },
  { key: 'rank', header: 'Место в рейтинге муниципалитета', width: 18 },
  { key: 'ratingScore', header: 'Балл рейтинга', width: 14, type: 'number' },
] as const satisfies readonly XlsxColumn[];

export type RunExportKey = (typeof RUN_EXPORT_COLUMNS)[number]['key'];
export type RunExportRow = Record<RunExportKey, string | number | null>;

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

export function runExportRows(schools: readonly SchoolOverview[], municipalityNames: ReadonlyMap<string, string>): RunExportRow[] {
  return schools.map((s) => ({
    school: s.name,
    municipality: municipalityNames.get(s.municipalityId) ?? '',
    category: CATEGORY_NAMES[s.category],
    lowResults: DECISION_WORDS[s.lowResults.decision],
    firedRules: firedRules(s).join(', '),
    score: s.lowResults.score,
    threshold: s.lowResults.threshold,
    stable: DECISION_WORDS[s.stable.decision],
    unfavourable: DECISION_WORDS[s.unfavourable.decision],
    index: round(s.social.index, 3),
    cluster: s.cluster,
    gap: round(s.results.municipalGap, 1),
    rank: s.rating?.rankLabel ?? 'недостаточно данных',
    ratingScore: s.rating ? round(s.rating.score, 1) : null,
  }));
}

/** «Классификация школ 2026 — <методика>, версия N.xlsx» without characters file systems refuse. */
export function runExportFileName(year: number, methodologyName: string, version: number, extension: string): string {
  const clean = safeFileName(methodologyName, 80);
  return `Классификация школ ${year} — ${clean || 'методика'}, версия ${version}.${extension}`;
}
