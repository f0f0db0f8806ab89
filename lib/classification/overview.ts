/**
 * What lists, filters, the scatter and the rating read of a school's result: its decisions and the numbers
 * behind them, without sentences, rule details, risks, exit plan or partners. A run of more schools than
 * FULL_EXPLANATION_LIMIT (a national run) stores only this per school; the full result of any one school is
 * rebuilt from the run's inputs and methodology on demand, and the input digest says whether it still can be.
 */
import type { SchoolClassification } from './classify';
import type { Decision, RuleId, RuleOutcome } from './types';

export type RuleOverview = Pick<RuleOutcome, 'rule' | 'status' | 'year' | 'value' | 'reference' | 'threshold'>;

export interface SchoolOverview extends Pick<SchoolClassification, 'schoolId' | 'name' | 'municipalityId' | 'year' | 'category' | 'cluster' | 'rating'> {
  rules: RuleOverview[];
  lowResults: Pick<SchoolClassification['lowResults'], 'decision' | 'score' | 'unknownWeight' | 'threshold'>;
  stable: Pick<SchoolClassification['stable'], 'decision'>;
  social: Pick<SchoolClassification['social'], 'index' | 'inDisadvantagedQuarter' | 'variablesUsed' | 'variablesTotal'>;
  unfavourable: Pick<SchoolClassification['unfavourable'], 'decision'>;
  results: Pick<SchoolClassification['results'], 'meanScore' | 'municipalGap' | 'clusterGap' | 'ratingByExam'>;
}

/** What an overview keeps of a rule outcome. */
export function ruleOverviewOf(r: RuleOverview): RuleOverview {
  return { rule: r.rule, status: r.status, year: r.year, value: r.value, reference: r.reference, threshold: r.threshold };
}

/** The overview of a result, in the fields and order a compact run stores. */
export function overviewOf(s: Omit<SchoolOverview, 'rules'> & { rules: readonly RuleOverview[] }): SchoolOverview {
  return {
    schoolId: s.schoolId,
    name: s.name,
    municipalityId: s.municipalityId,
    year: s.year,
    rules: s.rules.map(ruleOverviewOf),
    lowResults: { decision: s.lowResults.decision, score: s.lowResults.score, unknownWeight: s.lowResults.unknownWeight, threshold: s.lowResults.threshold },
    stable: { decision: s.stable.decision },
    social: { index: s.social.index, inDisadvantagedQuarter: s.social.inDisadvantagedQuarter, variablesUsed: s.social.variablesUsed, variablesTotal: s.social.variablesTotal },
    unfavourable: { decision: s.unfavourable.decision },
    cluster: s.cluster,
    results: { meanScore: s.results.meanScore, municipalGap: s.results.municipalGap, clusterGap: s.results.clusterGap, ratingByExam: s.results.ratingByExam },
    category: s.category,
    rating: s.rating,
  };
}

/** A decision in lower-case words, for table cells and exports. */
export const DECISION_WORDS: Record<Decision, string> = { yes: 'да', no: 'нет', insufficient_data: 'недостаточно данных' };

/** The rules that fired, in R1–R5 order. */
export function firedRules(s: { rules: readonly RuleOverview[] }): RuleId[] {
  return s.rules.filter((r) => r.status === 'fired').map((r) => r.rule);
}
