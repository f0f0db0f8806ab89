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
import { buildDataset, contextOf, reports, type ClassificationInput, type Dataset } from './dataset';
import { datasetDigest } from './digest';
import { exitPlan, type ExitPlan } from './exit';
import { atLeast, fmt } from './format';
import { assessLowResults, assessStability, type LowResultsAssessment, type StabilityAssessment } from './low-results';
import type { Methodology } from './methodology';
import { partnerMatcher, type PartnerProfile, type PartnerSuggestion } from './partners';
import { clusterMeans, performanceOf, type PerformanceProfile } from './performance';
import { overviewOf, ruleOverviewOf, type SchoolOverview } from './overview';
import { municipalRatings, type MunicipalRating } from './rating';
import { riskProfile, type RiskFactor } from './risk';
import { socialModel, type SocialAssessment, type SocialSummary } from './social';
import type { Decision, RuleOutcome, School } from './types';

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
  /** `of`: how many schools of the municipality are ranked («место 15 из 17»); absent in runs stored before it. */
  rating: { rank: number; rankLabel: string; score: number; of?: number } | null;
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

/** The per-year ШНОР decision of one school: the classified year as assessed, earlier years decisions only. */
function lowResultsByYear(dataset: Dataset, school: School, year: number, current: Pick<LowResultsAssessment, 'decision' | 'score'>) {
  return (y: number) => (y === year ? current : assessLowResults(dataset, school, y, false));
}

export interface ClassifyOptions {
  /**
   * Which schools get their Russian sentences: all (default), none (`false`: a compact run — every decision and
   * number, empty sentences), or those the predicate picks. Decisions never depend on it.
   */
  explain?: boolean | ((schoolId: string) => boolean);
}

/**
 * A run whose schools are built one at a time as `schools()` (or `overviews()`) is iterated, in school-id order.
 * Counts, social summary and ratings are known up front; the input digest is computed when first read. A
 * national run is written this way, so that 40,000 full results never sit in memory at once: the first pass
 * keeps only what other schools' results depend on (ШНОР and ШНСУ decisions, clusters, results profiles) and
 * the numbers of each school's overview; a full result is evaluated again when it is built.
 */
export interface LazyClassification extends Omit<ClassificationResult, 'schools'> {
  schoolCount: number;
  schools(): Generator<SchoolClassification>;
  /** Every school's overview (decisions and numbers, no sentences), built as iterated: what a compact run stores. */
  overviews(): Generator<SchoolOverview>;
  /** One school's result alone; null when the school is not in the input. */
  school(schoolId: string): SchoolClassification | null;
}

export function classify(input: ClassificationInput, options: ClassifyOptions = {}): ClassificationResult {
  const lazy = classifyLazily(input, options);
  const { year, methodology, social, ratings, counts } = lazy;
  return {
    year,
    methodology,
    social,
    ratings,
    counts,
    // Computed when read: a what-if preview compares two runs and never needs it.
    get inputDigest() {
      return lazy.inputDigest;
    },
    schools: [...lazy.schools()],
  };
}

export function classifyLazily(input: ClassificationInput, options: ClassifyOptions = {}): LazyClassification {
  const dataset = buildDataset(input);
  const { year, methodology } = input;
  const option = options.explain ?? true;
  const explainOf = typeof option === 'function' ? option : () => option;
  const social = socialModel(dataset, year);
  // Decisions and the numbers of the overview only: the full social assessment is built again with a result.
  const socialFacts = dataset.schools.map((school) => {
    const { shnsu, cluster, index, inDisadvantagedQuarter, variablesUsed, variablesTotal } = social.assess(school.id, false);
    return { shnsu, cluster, index, inDisadvantagedQuarter, variablesUsed, variablesTotal };
  });
  const clusterById = new Map(dataset.schools.map((school, i) => [school.id, socialFacts[i]!.cluster]));
  const clusterAccumulators = clusterMeans(dataset, year, (id) => clusterById.get(id) ?? null);

  const facts = dataset.schools.map((school, i) => {
    const { rules, decision, score, unknownWeight, threshold } = assessLowResults(dataset, school, year, false);
    const { shnsu, cluster } = socialFacts[i]!;
    const performance = performanceOf(dataset, school.id, school.municipalityId, year, cluster, clusterAccumulators);
    const category = decideCategory(methodology, decision, shnsu, cluster, performance.municipalGap).category;
    return { school, performance, category, ruleOverviews: rules.map(ruleOverviewOf), lowResults: { decision, score, unknownWeight, threshold } };
  });

  const profiles: PartnerProfile[] = facts.map((f, i) => ({
    school: f.school,
    cluster: socialFacts[i]!.cluster,
    distanceKm: contextOf(dataset, f.school.id, year)?.distanceKm ?? null,
    isLowResults: f.lowResults.decision === 'yes',
    judgedByExam: f.performance.judgedByExam,
  }));
  const suggest = partnerMatcher(profiles, methodology.partners.topFraction, methodology.partners.count);

  // The reported schools (a municipal run: its municipality's, whole — so are their ratings), in school-id order.
  const reported: number[] = [];
  const counts: Record<Category, number> = { low_results: 0, unfavourable: 0, both: 0, resilient: 0, none: 0, insufficient_data: 0 };
  facts.forEach((f, i) => {
    if (!reports(input, f.school)) return;
    reported.push(i);
    counts[f.category] += 1;
  });
  const ratings = municipalRatings(methodology, reported.map((i) => ({ school: facts[i]!.school, ratingByExam: facts[i]!.performance.ratingByExam })));
  const ratingBySchool = new Map(ratings.flatMap((r) => r.ranked.map((e) => [e.schoolId, { rank: e.rank, rankLabel: e.rankLabel, score: e.score, of: r.ranked.length }] as const)));

  function build(i: number): SchoolClassification {
    const { school, performance } = facts[i]!;
    const explain = explainOf(school.id);
    const socialAssessment = social.assess(school.id, explain);
    const low = assessLowResults(dataset, school, year, explain);
    const stable = assessStability(dataset, year, lowResultsByYear(dataset, school, year, low), explain);
    const { category, sentence } = categorise(methodology, low.decision, socialAssessment.shnsu, socialAssessment.cluster, performance.municipalGap, explain);
    const { shnsu, shnsuReasons, ...socialRest } = socialAssessment;
    const { rules, score, unknownWeight, threshold, decision, sentence: lowSentence } = low;
    return {
      schoolId: school.id,
      name: school.name,
      municipalityId: school.municipalityId,
      year,
      rules,
      lowResults: { decision, score, unknownWeight, threshold, sentence: lowSentence },
      stable,
      social: socialRest,
      unfavourable: { decision: shnsu, reasons: shnsuReasons },
      cluster: socialAssessment.cluster,
      results: performance,
      category,
      categorySentence: sentence,
      riskProfile: riskProfile(methodology, rules, socialAssessment, contextOf(dataset, school.id, year), explain),
      exit: exitPlan(dataset, school, low, explain),
      partners: decision === 'yes' ? suggest(profiles[i]!, explain) : [],
      rating: ratingBySchool.get(school.id) ?? null,
    };
  }

  /** As `overviewOf(build(i))`, from the facts of the first pass and the school's stability. */
  function overview(i: number): SchoolOverview {
    const { school, performance, category, ruleOverviews, lowResults } = facts[i]!;
    const { shnsu, cluster, ...socialNumbers } = socialFacts[i]!;
    return overviewOf({
      schoolId: school.id,
      name: school.name,
      municipalityId: school.municipalityId,
      year,
      rules: ruleOverviews,
      lowResults,
      stable: assessStability(dataset, year, lowResultsByYear(dataset, school, year, lowResults), false),
      social: socialNumbers,
      unfavourable: { decision: shnsu },
      cluster,
      results: performance,
      category,
      rating: ratingBySchool.get(school.id) ?? null,
    });
  }

  let digest: string | undefined;
  let reportedIndex: Map<string, number> | undefined;
  return {
    year,
    get inputDigest() {
      return (digest ??= datasetDigest(year, dataset, input.municipalityId ?? null));
    },
    methodology,
    social: social.summary,
    ratings,
    counts,
    schoolCount: reported.length,
    *schools() {
      for (const i of reported) yield build(i);
    },
    *overviews() {
      for (const i of reported) yield overview(i);
    },
    school(schoolId) {
      const i = (reportedIndex ??= new Map(reported.map((r) => [facts[r]!.school.id, r]))).get(schoolId);
      return i === undefined ? null : build(i);
    },
  };
}
