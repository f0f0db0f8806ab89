/**
 * One classification run: every school of the region in one year with its rule outcomes, ШНОР and ШНСУ
 * decisions, social cluster, category, risk profile, distance to exit, partners and municipal rating.
 * Deterministic: the same input in any row order gives the same result (schools are processed by id).
 *
 * Categories:
 * - `low_results` — ШНОР, not ШНСУ; `both` — ШНОР and ШНСУ;
 * - `resilient` — not ШНОР, ШНСУ or in one of the `disadvantagedClusters` most disadvantaged clusters, and the
 *   judged results on average at or above the municipal mean;
 * - `unfavourable` — ШНСУ, not ШНОР, results below the municipal mean (or unknown);
 * - `none` — neither; `insufficient_data` — the ШНОР decision, or the ШНСУ decision of a school that is not
 *   ШНОР, cannot be made from the data.
 */
import { buildDataset, contextOf, type ClassificationInput, type Dataset } from './dataset';
import { datasetDigest } from './digest';
import { exitPlan, type ExitPlan } from './exit';
import { atLeast, fmt } from './format';
import { assessLowResults, assessStability, type LowResultsAssessment, type StabilityAssessment } from './low-results';
import type { Methodology } from './methodology';
import { partnerMatcher, type PartnerProfile, type PartnerSuggestion } from './partners';
import { clusterMeans, performanceOf, type PerformanceProfile } from './performance';
import { municipalRatings, type MunicipalRating } from './rating';
import { riskProfile, type RiskFactor } from './risk';
import { assessSocial, type SocialAssessment, type SocialSummary } from './social';
import type { Decision, RuleOutcome } from './types';

export type Category = 'low_results' | 'unfavourable' | 'both' | 'resilient' | 'none' | 'insufficient_data';

export const CATEGORY_NAMES: Record<Category, string> = {
  low_results: 'ШНОР',
  unfavourable: 'ШНСУ',
  both: 'ШНОР и ШНСУ',
  resilient: 'Резильентная школа',
  none: 'Не относится к ШНОР и ШНСУ',
  insufficient_data: 'Недостаточно данных',
};

export interface SchoolClassification {
  schoolId: string;
  name: string;
  municipalityId: string;
  year: number;
  /** R1–R5 in this order. */
  rules: RuleOutcome[];
  lowResults: Omit<LowResultsAssessment, 'rules' | 'year'>;
  stable: StabilityAssessment;
  social: Omit<SocialAssessment, 'shnsu' | 'shnsuReasons'>;
  unfavourable: { decision: Decision; reasons: string[] };
  cluster: number | null;
  results: PerformanceProfile;
  category: Category;
  categorySentence: string;
  riskProfile: RiskFactor[];
  exit: ExitPlan | null;
  partners: PartnerSuggestion[];
  rating: { rank: number; rankLabel: string; score: number } | null;
}

export interface ClassificationResult {
  year: number;
  inputDigest: string;
  methodology: Methodology;
  /** Sorted by school id. */
  schools: SchoolClassification[];
  social: SocialSummary;
  ratings: MunicipalRating[];
  counts: Record<Category, number>;
}

function categorise(
  methodology: Methodology,
  low: Decision,
  unfavourable: Decision,
  cluster: number | null,
  municipalGap: number | null,
  explain: boolean,
): { category: Category; sentence: string } {
  const decided = decideCategory(methodology, low, unfavourable, cluster, municipalGap);
  return explain ? decided : { category: decided.category, sentence: '' };
}

function decideCategory(
  methodology: Methodology,
  low: Decision,
  unfavourable: Decision,
  cluster: number | null,
  municipalGap: number | null,
): { category: Category; sentence: string } {
  const { count, disadvantagedClusters } = methodology.clusters;
  if (low === 'yes') {
    return unfavourable === 'yes'
      ? { category: 'both', sentence: 'Низкие результаты и неблагоприятные социальные условия.' }
      : { category: 'low_results', sentence: 'Низкие образовательные результаты.' };
  }
  if (low === 'insufficient_data') return { category: 'insufficient_data', sentence: 'Данных недостаточно, чтобы решить, относится ли школа к ШНОР.' };
  const atOrAbove = municipalGap !== null && atLeast(municipalGap, 0);
  const hardCluster = cluster !== null && cluster > count - disadvantagedClusters;
  const gapText = municipalGap === null ? '' : ` (в среднем ${municipalGap >= 0 ? '+' : '−'}${fmt(Math.abs(municipalGap))} к среднему по муниципалитету)`;
  if ((unfavourable === 'yes' || hardCluster) && atOrAbove) {
    const why = unfavourable === 'yes' ? 'работает в неблагоприятных социальных условиях' : `входит в кластер ${cluster} из ${count} (самые неблагополучные)`;
    return { category: 'resilient', sentence: `Резильентная школа: ${why}, а результаты не ниже среднего по муниципалитету${gapText}.` };
  }
  if (unfavourable === 'yes') return { category: 'unfavourable', sentence: `Неблагоприятные социальные условия; результаты ниже среднего по муниципалитету${gapText} или неизвестны.` };
  if (unfavourable === 'no') return { category: 'none', sentence: 'Не относится ни к ШНОР, ни к ШНСУ.' };
  return { category: 'insufficient_data', sentence: 'Не ШНОР, но данных о социальных условиях недостаточно, чтобы решить, относится ли школа к ШНСУ.' };
}

/** The per-year ШНОР decision of one school: the classified year explained, earlier years decisions only. */
function lowResultsByYear(dataset: Dataset, schoolIndex: number, current: LowResultsAssessment): (year: number) => LowResultsAssessment {
  const school = dataset.schools[schoolIndex]!;
  return (year) => (year === current.year ? current : assessLowResults(dataset, school, year, false));
}

export interface ClassifyOptions {
  /**
   * Which schools get their Russian sentences: all (default), none (`false`: a compact run — every decision and
   * number, empty sentences), or those the predicate picks. Decisions never depend on it.
   */
  explain?: boolean | ((schoolId: string) => boolean);
}

export function classify(input: ClassificationInput, options: ClassifyOptions = {}): ClassificationResult {
  const dataset = buildDataset(input);
  const { year, methodology } = input;
  const option = options.explain ?? true;
  const explainOf = typeof option === 'function' ? option : () => option;
  const { bySchool: social, summary } = assessSocial(dataset, year, explainOf);
  const clusterOf = (id: string) => social.get(id)?.cluster ?? null;
  const clusterAccumulators = clusterMeans(dataset, year, clusterOf);

  const partial = dataset.schools.map((school, i) => {
    const explain = explainOf(school.id);
    const low = assessLowResults(dataset, school, year, explain);
    const decide = lowResultsByYear(dataset, i, low);
    const socialAssessment = social.get(school.id)!;
    const performance = performanceOf(dataset, school.id, school.municipalityId, year, socialAssessment.cluster, clusterAccumulators);
    const { category, sentence } = categorise(methodology, low.decision, socialAssessment.shnsu, socialAssessment.cluster, performance.municipalGap, explain);
    return { school, explain, low, stable: assessStability(dataset, year, decide, explain), socialAssessment, performance, category, sentence };
  });

  const profiles: PartnerProfile[] = partial.map((p) => ({
    school: p.school,
    cluster: p.socialAssessment.cluster,
    distanceKm: contextOf(dataset, p.school.id, year)?.distanceKm ?? null,
    isLowResults: p.low.decision === 'yes',
    judgedByExam: p.performance.judgedByExam,
  }));
  const suggest = partnerMatcher(profiles, methodology.partners.topFraction, methodology.partners.count);
  const ratings = municipalRatings(methodology, partial.map((p) => ({ school: p.school, ratingByExam: p.performance.ratingByExam })));
  const ratingBySchool = new Map(ratings.flatMap((r) => r.ranked.map((e) => [e.schoolId, { rank: e.rank, rankLabel: e.rankLabel, score: e.score }] as const)));

  const counts: Record<Category, number> = { low_results: 0, unfavourable: 0, both: 0, resilient: 0, none: 0, insufficient_data: 0 };
  const schools = partial.map((p, i): SchoolClassification => {
    counts[p.category] += 1;
    const { shnsu, shnsuReasons, ...socialRest } = p.socialAssessment;
    const { rules, score, unknownWeight, threshold, decision, sentence } = p.low;
    return {
      schoolId: p.school.id,
      name: p.school.name,
      municipalityId: p.school.municipalityId,
      year,
      rules,
      lowResults: { decision, score, unknownWeight, threshold, sentence },
      stable: p.stable,
      social: socialRest,
      unfavourable: { decision: shnsu, reasons: shnsuReasons },
      cluster: p.socialAssessment.cluster,
      results: p.performance,
      category: p.category,
      categorySentence: p.sentence,
      riskProfile: riskProfile(methodology, rules, p.socialAssessment, contextOf(dataset, p.school.id, year), p.explain),
      exit: exitPlan(dataset, p.school, p.low, p.explain),
      partners: p.low.decision === 'yes' ? suggest(profiles[i]!, p.explain) : [],
      rating: ratingBySchool.get(p.school.id) ?? null,
    };
  });

  return { year, inputDigest: datasetDigest(year, dataset), methodology, schools, social: summary, ratings, counts };
}

/**
 * One school of a run with every sentence: the whole input is classified (the municipal means, social cut-offs
 * and partners depend on all schools) but only this school is worded. Null when the school is not in the input.
 */
export function explainSchool(input: ClassificationInput, schoolId: string): SchoolClassification | null {
  const result = classify(input, { explain: (id) => id === schoolId });
  return result.schools.find((s) => s.schoolId === schoolId) ?? null;
}
