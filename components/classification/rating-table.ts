/** The municipal rating of one run for the shared DataTable: ranked schools and the ones without enough data. */
import type { ColumnSpec, Row } from '@/components/ui/DataTable';
import type { SchoolOverview } from '@/lib/classification/overview';
import { count, MEASURE_DIGITS, PARTICIPANTS } from '@/lib/classification/format';
import type { Methodology } from '@/lib/classification/methodology';
import { compareRussian } from '@/lib/format/ru';

// Tenths always, as the rating is rounded: «55,0» for every viewer, not «55» for a school that sees only its own row.
export const RATING_COLUMNS: ColumnSpec[] = [
  { key: 'rank', header: 'Место' },
  { key: 'name', header: 'Школа', kind: 'link', hrefKey: 'href' },
  { key: 'score', header: 'Рейтинговый балл', kind: 'number', fractionDigits: MEASURE_DIGITS.ratingScore },
  { key: 'EGE', header: 'ЕГЭ', kind: 'number', fractionDigits: MEASURE_DIGITS.ratingScore },
  { key: 'OGE', header: 'ОГЭ', kind: 'number', fractionDigits: MEASURE_DIGITS.ratingScore },
  { key: 'VPR', header: 'ВПР, доля «4» и «5», %', kind: 'number', fractionDigits: MEASURE_DIGITS.ratingScore },
  { key: 'tie', header: 'Примечание' },
];

const tenth = (value: number | undefined) => (value === undefined ? null : Math.round(value * 10) / 10);

export interface MunicipalRatingView {
  rows: Row[];
  /** Tie groups, e.g. «4–5». */
  ties: string[];
  insufficient: { schoolId: string; name: string; href: string }[];
}

/** The schools of one municipality in rating order; those without a rating listed apart. */
export function municipalRatingView(runId: string, schools: readonly SchoolOverview[], municipalityId: string): MunicipalRatingView {
  const inMunicipality = schools.filter((s) => s.municipalityId === municipalityId);
  const href = (s: SchoolOverview) => `/classification/runs/${runId}/schools/${s.schoolId}`;
  const ranked = inMunicipality
    .filter((s) => s.rating !== null)
    .sort((a, b) => a.rating!.rank - b.rating!.rank || compareRussian(a.name, b.name));
  const ties = [...new Set(ranked.map((s) => s.rating!.rankLabel).filter((label) => label.includes('–')))];
  return {
    rows: ranked.map((s) => ({
      // «из N» is the run's own count of ranked schools in the municipality, not the rows this viewer may see.
      rank: s.rating!.of === undefined ? s.rating!.rankLabel : `${s.rating!.rankLabel} из ${s.rating!.of}`,
      name: s.name,
      href: href(s),
      score: s.rating!.score,
      EGE: tenth(s.results.ratingByExam.EGE),
      OGE: tenth(s.results.ratingByExam.OGE),
      VPR: tenth(s.results.ratingByExam.VPR),
      tie: s.rating!.rankLabel.includes('–') ? 'Равный балл: место делится' : null,
    })),
    ties,
    insufficient: inMunicipality
      .filter((s) => s.rating === null)
      .sort((a, b) => compareRussian(a.name, b.name))
      .map((s) => ({ schoolId: s.schoolId, name: s.name, href: href(s) })),
  };
}

/** Why a school has no rating: no exam result the rating may use. */
export function insufficientReason(methodology: Methodology): string {
  return `нет результатов, по которым считается рейтинг: ЕГЭ или ОГЭ со средним баллом либо ВПР с распределением отметок, где не меньше ${count(methodology.minParticipants, PARTICIPANTS)} (при меньшем числе результат не оценивается)`;
}
