/**
 * The ШНОР decision of one school in one year and the stability of that decision over the last years.
 *
 * A school is ШНОР («yes») when the weights of fired rules reach the threshold. It is «no» only when even the
 * rules without data could not reach it (fired + unknown weights < threshold); otherwise the data cannot settle
 * it and the decision is «insufficient_data».
 */
import type { Dataset } from './dataset';
import { atLeast, fmt } from './format';
import { rulesWithNames } from './rule-names';
import { ruleR1, ruleR2, ruleR4, ruleR5 } from './rules';
import { ruleR3 } from './rule-vpr';
import type { Decision, RuleOutcome, School } from './types';

export interface LowResultsAssessment {
  year: number;
  rules: RuleOutcome[];
  /** Sum of the weights of fired rules. */
  score: number;
  /** Sum of the weights of rules without data. */
  unknownWeight: number;
  threshold: number;
  decision: Decision;
  sentence: string;
}

export interface StabilityAssessment {
  decision: Decision;
  /** Years considered, newest first: the last `windowYears` years with a yes/no decision. */
  years: { year: number; decision: Decision; score: number }[];
  sentence: string;
}

/** «из последних 3 лет», «из последнего 1 года» — genitive after «из». */
function lastYears(n: number): string {
  return n % 10 === 1 && n % 100 !== 11 ? `последнего ${n} года` : `последних ${n} лет`;
}

/** `explain: false` skips the Russian sentences: for earlier years, where only the decision is needed. */
export function assessLowResults(dataset: Dataset, school: School, year: number, explain = true): LowResultsAssessment {
  const { weights, lowResultsThreshold: threshold } = dataset.methodology;
  const rules = [ruleR1, ruleR2, ruleR3, ruleR4, ruleR5].map((rule) => rule(dataset, school, year, explain));
  let score = 0;
  let unknownWeight = 0;
  for (const outcome of rules) {
    if (outcome.status === 'fired') score += weights[outcome.rule];
    if (outcome.status === 'insufficient_data') unknownWeight += weights[outcome.rule];
  }
  const fired = rules.filter((r) => r.status === 'fired').map((r) => r.rule);
  let decision: Decision;
  let sentence = '';
  if (atLeast(score, threshold)) {
    decision = 'yes';
    if (explain) sentence = `Школа с низкими результатами: сработали правила ${rulesWithNames(fired)}, сумма весов ${fmt(score)} при пороге ${fmt(threshold)}.`;
  } else if (atLeast(score + unknownWeight, threshold)) {
    decision = 'insufficient_data';
    const unknown = rules.filter((r) => r.status === 'insufficient_data').map((r) => r.rule);
    if (explain) sentence = `Недостаточно данных: сумма весов сработавших правил ${fmt(score)}, по правилам ${rulesWithNames(unknown)} данных нет, а с ними порог ${fmt(threshold)} мог бы быть достигнут.`;
  } else {
    decision = 'no';
    if (explain) sentence = fired.length > 0
      ? `Не относится к ШНОР: сработали правила ${rulesWithNames(fired)}, сумма весов ${fmt(score)} ниже порога ${fmt(threshold)}.`
      : `Не относится к ШНОР: ни одно правило не сработало (порог суммы весов — ${fmt(threshold)}).`;
  }
  return { year, rules, score, unknownWeight, threshold, decision, sentence };
}

/**
 * Stable low results: ШНОР in at least `minYears` of the last `windowYears` years that have a yes/no decision,
 * each earlier year judged with the same methodology. `decide` is the per-year decision (cached by the caller).
 */
export function assessStability(
  dataset: Dataset,
  year: number,
  decide: (year: number) => Pick<LowResultsAssessment, 'decision' | 'score'>,
  explain = true,
): StabilityAssessment {
  const { minYears, windowYears } = dataset.methodology.stable;
  const years: StabilityAssessment['years'] = [];
  for (let i = dataset.years.length - 1; i >= 0 && years.length < windowYears; i--) {
    const y = dataset.years[i]!;
    if (y > year) continue;
    const assessment = decide(y);
    if (assessment.decision !== 'insufficient_data') years.push({ year: y, decision: assessment.decision, score: assessment.score });
  }
  const lowYears = years.filter((y) => y.decision === 'yes').map((y) => y.year);
  if (!explain) {
    const decision: Decision = lowYears.length >= minYears ? 'yes' : years.length < minYears ? 'insufficient_data' : 'no';
    return { decision, years, sentence: '' };
  }
  const listed = years.map((y) => `${y.year} — ${y.decision === 'yes' ? 'ШНОР' : 'не ШНОР'}`).join(', ');
  if (lowYears.length >= minYears) {
    return { decision: 'yes', years, sentence: `Устойчиво низкие результаты: ШНОР в ${lowYears.length} из ${lastYears(years.length)} с данными (${listed}).` };
  }
  if (years.length < minYears) {
    return { decision: 'insufficient_data', years, sentence: `Для вывода об устойчивости нужно не менее ${minYears} лет с данными; есть ${years.length}${listed ? ` (${listed})` : ''}.` };
  }
  return { decision: 'no', years, sentence: `Результаты не устойчиво низкие: ШНОР в ${lowYears.length} из ${lastYears(years.length)} с данными (${listed}); нужно не менее ${minYears}.` };
}
