/**
 * The ФИОКО risk profile of a school, derived from the fired rules and the context data. Mapping:
 *
 * | risk factor                                                      | when                                                        |
 * |------------------------------------------------------------------|-------------------------------------------------------------|
 * | Дефицит педагогических кадров                                    | vacancies hard factor; teachers 60+ high or under-35 low (z) |
 * | Низкий уровень оснащения школы                                   | internet hard factor; facilities condition ≤ parameter       |
 * | Высокая доля обучающихся с рисками учебной неуспешности          | R2 or R3 fired                                               |
 * | Недостаточная предметная и методическая компетентность педагогов | R1 fired                                                     |
 * | Низкая учебная мотивация обучающихся                             | R4 or R5 fired                                               |
 * | Низкий уровень вовлечённости родителей                           | parents' higher education low or low income high (z)         |
 * | Низкое качество преодоления языковых и культурных барьеров       | non-native Russian speakers high (z)                         |
 * | Риски низкой адаптивности учебного процесса                      | ОВЗ share high (z) and a specialist missing                  |
 *
 * «(z)» means the variable's signed standardised value in the social index is at least `risk.zScore`, i.e. the
 * school is that many standard deviations worse than the regional mean; variables left out of the index are
 * not used.
 */
import { fmt } from './format';
import type { Methodology, SocialVariable } from './methodology';
import type { SocialAssessment } from './social';
import type { RuleId, RuleOutcome, SchoolContext } from './types';

export const RISK_FACTORS = [
  'Дефицит педагогических кадров',
  'Низкий уровень оснащения школы',
  'Высокая доля обучающихся с рисками учебной неуспешности',
  'Недостаточная предметная и методическая компетентность педагогических работников',
  'Низкая учебная мотивация обучающихся',
  'Низкий уровень вовлечённости родителей',
  'Низкое качество преодоления языковых и культурных барьеров',
  'Риски низкой адаптивности учебного процесса',
] as const;
export type RiskFactorName = (typeof RISK_FACTORS)[number];

export interface RiskFactor {
  factor: RiskFactorName;
  reasons: string[];
}

export function riskProfile(
  methodology: Methodology,
  rules: readonly RuleOutcome[],
  social: SocialAssessment,
  context: SchoolContext | undefined,
  explain = true,
): RiskFactor[] {
  const { zScore, facilitiesPoorAtMost } = methodology.risk;
  const found = new Map<RiskFactorName, string[]>();
  // Compact runs keep the factors and drop the reasons' wording.
  const add = (factor: RiskFactorName, reason: string) => found.set(factor, explain ? [...(found.get(factor) ?? []), reason] : []);

  const fired = (rule: RuleId) => rules.find((r) => r.rule === rule && r.status === 'fired');
  const byRule: Array<[RuleId, RiskFactorName]> = [
    ['R1', 'Недостаточная предметная и методическая компетентность педагогических работников'],
    ['R2', 'Высокая доля обучающихся с рисками учебной неуспешности'],
    ['R3', 'Высокая доля обучающихся с рисками учебной неуспешности'],
    ['R4', 'Низкая учебная мотивация обучающихся'],
    ['R5', 'Низкая учебная мотивация обучающихся'],
  ];
  for (const [rule, factor] of byRule) {
    const outcome = fired(rule);
    if (outcome) add(factor, outcome.sentence);
  }

  for (const hard of social.hardFactors) {
    if (hard.applies !== true) continue;
    if (hard.factor === 'vacancies') add('Дефицит педагогических кадров', hard.sentence);
    if (hard.factor === 'internet') add('Низкий уровень оснащения школы', hard.sentence);
  }
  const facilities = context?.facilitiesCondition ?? null;
  if (facilities !== null && facilities <= facilitiesPoorAtMost) {
    add('Низкий уровень оснащения школы', `Состояние материально-технической базы — ${fmt(facilities)} из 5.`);
  }

  const worse = (variable: SocialVariable) => {
    const c = social.contributions.find((x) => x.variable === variable);
    return c && c.z >= zScore ? c : undefined;
  };
  const byContext: Array<[SocialVariable, RiskFactorName]> = [
    ['shareTeachers60plus', 'Дефицит педагогических кадров'],
    ['shareTeachersUnder35', 'Дефицит педагогических кадров'],
    ['shareParentsHigherEd', 'Низкий уровень вовлечённости родителей'],
    ['shareLowIncome', 'Низкий уровень вовлечённости родителей'],
    ['shareNonNativeRussian', 'Низкое качество преодоления языковых и культурных барьеров'],
  ];
  for (const [variable, factor] of byContext) {
    const c = worse(variable);
    if (c) add(factor, `${capitalise(c.name)} — ${fmt(c.value)}% (${isLowerWorse(methodology, variable) ? 'заметно ниже' : 'заметно выше'} среднего по региону).`);
  }
  const ovz = worse('shareOvz');
  const missing = [
    context?.hasPsychologist === false ? 'педагога-психолога' : null,
    context?.hasSpeechTherapist === false ? 'учителя-логопеда' : null,
    context?.hasSocialPedagogue === false ? 'социального педагога' : null,
  ].filter((x): x is string => x !== null);
  if (ovz && missing.length > 0) {
    add('Риски низкой адаптивности учебного процесса', `Доля обучающихся с ОВЗ — ${fmt(ovz.value)}% (заметно выше среднего по региону), при этом в школе нет ${missing.join(', ')}.`);
  }
  return RISK_FACTORS.filter((f) => found.has(f)).map((factor) => ({ factor, reasons: found.get(factor)! }));
}

function isLowerWorse(methodology: Methodology, variable: SocialVariable): boolean {
  return methodology.social.variables.find((v) => v.variable === variable)?.sign === -1;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
