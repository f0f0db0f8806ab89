/** The names of the five rules of low results: beside every R1–R5 code the portal shows, on screen and in files. */
import type { RuleId } from './types';

export const RULE_IDS: RuleId[] = ['R1', 'R2', 'R3', 'R4', 'R5'];

export const RULE_NAMES: Record<RuleId, string> = {
  R1: 'Отставание от среднего балла по муниципалитету (ЕГЭ, ОГЭ)',
  R2: 'Участники ниже минимального балла или с отметкой «2»',
  R3: 'Отметки «2» по ВПР',
  R4: 'Переход в 10 класс',
  R5: 'Участие в региональных и всероссийских олимпиадах',
};

/** For table cells, filters and sentences. */
export const RULE_SHORT_NAMES: Record<RuleId, string> = {
  R1: 'отставание по ГИА',
  R2: 'ниже минимума',
  R3: '«2» по ВПР',
  R4: 'переход в 10 класс',
  R5: 'олимпиады',
};

/** «R1 (отставание по ГИА)». */
export function ruleWithName(rule: RuleId): string {
  return `${rule} (${RULE_SHORT_NAMES[rule]})`;
}

/** «R1 (отставание по ГИА), R3 («2» по ВПР)». */
export function rulesWithNames(rules: readonly RuleId[]): string {
  return rules.map(ruleWithName).join(', ');
}
