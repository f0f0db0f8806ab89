/**
 * The municipal rating of schools by external assessment results (seed 000 item 3.1). The score is a weighted
 * mean of the exam scores the school has (weights of missing exams are redistributed); schools are ranked
 * within their municipality by the score rounded to tenths — the precision shown — so schools that look equal
 * share a rank («3–4»). Schools without any rated exam are listed apart.
 */
import { compareStrings, fmt } from './format';
import type { Methodology } from './methodology';
import { EXAM_NAMES } from './subjects';
import type { ExamCode, School } from './types';

export interface RatingEntry {
  schoolId: string;
  name: string;
  score: number;
  /** Best position of the tie group, 1-based. */
  rank: number;
  /** «3» or «3–4» for a tie. */
  rankLabel: string;
  components: Partial<Record<ExamCode, number>>;
}

export interface MunicipalRating {
  municipalityId: string;
  formula: string;
  ranked: RatingEntry[];
  insufficientData: { schoolId: string; name: string }[];
}

export interface RatingInput {
  school: School;
  ratingByExam: Partial<Record<ExamCode, number>>;
}

const EXAMS: readonly ExamCode[] = ['EGE', 'OGE', 'VPR'];

export function ratingFormula(methodology: Methodology): string {
  const w = methodology.rating.weights;
  const terms = EXAMS.filter((e) => w[e] > 0).map((e) => `${fmt(w[e])} × ${EXAM_NAMES[e]}`);
  return `Рейтинг = ${terms.join(' + ')}; ЕГЭ и ОГЭ — средний результат по 100-балльной шкале, ВПР — доля отметок «4» и «5»; если экзамена нет, веса остальных пересчитываются пропорционально.`;
}

export function ratingScore(methodology: Methodology, ratingByExam: Partial<Record<ExamCode, number>>): number | null {
  let sum = 0;
  let weights = 0;
  for (const exam of EXAMS) {
    const score = ratingByExam[exam];
    const weight = methodology.rating.weights[exam];
    if (score === undefined || weight <= 0) continue;
    sum += weight * score;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

/** Ratings of every municipality, sorted by municipality id. */
export function municipalRatings(methodology: Methodology, inputs: readonly RatingInput[]): MunicipalRating[] {
  const formula = ratingFormula(methodology);
  const byMunicipality = new Map<string, RatingInput[]>();
  for (const input of inputs) {
    const list = byMunicipality.get(input.school.municipalityId);
    if (list) list.push(input);
    else byMunicipality.set(input.school.municipalityId, [input]);
  }
  return [...byMunicipality.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([municipalityId, list]) => {
      const scored: Omit<RatingEntry, 'rank' | 'rankLabel'>[] = [];
      const insufficientData: MunicipalRating['insufficientData'] = [];
      for (const { school, ratingByExam } of list) {
        const score = ratingScore(methodology, ratingByExam);
        if (score === null) insufficientData.push({ schoolId: school.id, name: school.name });
        else scored.push({ schoolId: school.id, name: school.name, score: Math.round(score * 10) / 10, components: ratingByExam });
      }
      scored.sort((a, b) => b.score - a.score || compareStrings(a.schoolId, b.schoolId));
      insufficientData.sort((a, b) => compareStrings(a.schoolId, b.schoolId));
      const ranked: RatingEntry[] = [];
      for (let start = 0; start < scored.length; ) {
        let end = start;
        while (end + 1 < scored.length && scored[end + 1]!.score === scored[start]!.score) end += 1;
        const rankLabel = end > start ? `${start + 1}–${end + 1}` : `${start + 1}`;
        for (let i = start; i <= end; i++) ranked.push({ ...scored[i]!, rank: start + 1, rankLabel });
        start = end + 1;
      }
      return { municipalityId, formula, ranked, insufficientData };
    });
}
