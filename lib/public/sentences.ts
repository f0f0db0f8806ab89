/**
 * What a parent reads about a school's status: the category of the latest published run in plain Russian, the
 * reasons (the rules that put the school on the list) and what it would take to leave the list. Built from the
 * classification's own vocabulary (category names, rule names, exam and subject names) but never from the
 * engine's staff sentences, which quote small counts («3 из 12 участников»): every number here goes through the
 * suppression rule. Pure.
 */
import { CATEGORY_NAMES, type Category } from '@/lib/classification/classify';
import { count, fmt, fmtPercent, POINTS } from '@/lib/classification/format';
import { RULE_NAMES } from '@/lib/classification/rule-names';
import { procedureName } from '@/lib/classification/rule-vpr';
import { examSubject } from '@/lib/classification/rules';
import type { RuleId, RuleOutcome, RuleStatus, SubjectCode } from '@/lib/classification/types';
import { DEFAULT_MIN_GROUP, publicFigure, suppressedText } from './suppression';

export const PUBLIC_CATEGORIES: readonly Category[] = ['low_results', 'both', 'unfavourable', 'resilient', 'none', 'insufficient_data'];

/** Short words for badges and tables; the staff's own category names beside them. */
export const PUBLIC_CATEGORY_LABELS: Record<Category, string> = {
  low_results: 'В программе поддержки: низкие результаты',
  both: 'В программе поддержки: низкие результаты и сложные условия',
  unfavourable: 'В программе поддержки: сложные условия',
  resilient: 'Сложные условия, результаты не ниже средних',
  none: 'Не в программе поддержки',
  insufficient_data: 'Недостаточно данных',
};

/** Whether the category puts the school into the regional support programme. */
export function inProgramme(category: Category): boolean {
  return category === 'low_results' || category === 'both' || category === 'unfavourable';
}

/** The headline a parent reads first, with the year of the run. */
export function categoryHeadline(category: Category, year: number): string {
  const short = CATEGORY_NAMES[category];
  switch (category) {
    case 'low_results':
      return `Школа включена в региональную программу поддержки школ с низкими образовательными результатами (${short}) по расчёту ${year} года.`;
    case 'both':
      return `Школа включена в региональную программу поддержки по расчёту ${year} года: у неё низкие образовательные результаты, и она работает в неблагоприятных социальных условиях (${short}).`;
    case 'unfavourable':
      return `Школа работает в неблагоприятных социальных условиях (${short}) и по расчёту ${year} года получает поддержку региональной программы.`;
    case 'resilient':
      return `Школа работает в сложных социальных условиях, но её результаты не ниже средних по муниципалитету — по расчёту ${year} года это резильентная («устойчивая») школа.`;
    case 'none':
      return `По расчёту ${year} года школа не входит в списки региональной программы поддержки (${short.toLowerCase()}).`;
    case 'insufficient_data':
      return `По расчёту ${year} года данных о школе недостаточно, чтобы решить, нужна ли ей поддержка программы.`;
  }
}

/** Why the category is not a verdict: one sentence per category. */
export function categoryMeaning(category: Category): string {
  switch (category) {
    case 'low_results':
    case 'both':
    case 'unfavourable':
      return 'Это не наказание и не рейтинг: школа получает помощь — куратора, дорожную карту с мероприятиями и, если нужно, школу-партнёра.';
    case 'resilient':
      return 'Опыт таких школ изучают и передают другим школам в похожих условиях.';
    case 'none':
      return 'Школа работает без дополнительной поддержки программы; её результаты и условия проверяются каждый год.';
    case 'insufficient_data':
      return 'Когда данных станет достаточно, школа будет оценена в следующем расчёте.';
  }
}

/** One judged item of a rule, as the public layer receives it (no staff sentence). */
export interface PublicRuleItem {
  exam?: 'EGE' | 'OGE' | 'VPR';
  subject?: SubjectCode;
  grade?: number | null;
  participants?: number;
  status: RuleStatus;
  value: number | null;
  reference: number | null;
}

export interface PublicRuleFact {
  rule: RuleId;
  status: RuleStatus;
  year: number;
  threshold: number;
  value: number | null;
  items: PublicRuleItem[];
}

/** A rule outcome of the engine without its sentences. */
export function publicRuleFact(outcome: Pick<RuleOutcome, 'rule' | 'status' | 'year' | 'threshold' | 'value'> & { details?: RuleOutcome['details'] }): PublicRuleFact {
  return {
    rule: outcome.rule,
    status: outcome.status,
    year: outcome.year,
    threshold: outcome.threshold,
    value: outcome.value,
    items: (outcome.details ?? []).map((d) => ({ exam: d.exam, subject: d.subject, grade: d.grade ?? null, participants: d.participants, status: d.status, value: d.value, reference: d.reference })),
  };
}

/** «ЕГЭ по математике (профиль)», «ВПР (математика, 5 класс)». */
function itemName(item: PublicRuleItem): string {
  if (!item.exam || !item.subject) return 'результат';
  if (item.exam === 'VPR') return `ВПР (${procedureName({ subject: item.subject, grade: item.grade ?? null })})`;
  return examSubject({ exam: item.exam, subject: item.subject });
}

/** Pupils behind a share of participants: the count it reveals (the small group suppression protects). */
function countBehindShare(item: PublicRuleItem): number | null {
  if (item.value === null || item.participants === undefined) return null;
  return Math.round((item.value * item.participants) / 100);
}

function ruleItemSentence(rule: RuleId, item: PublicRuleItem, threshold: number, min: number): string {
  const name = itemName(item);
  switch (rule) {
    case 'R1': {
      const gap = item.value !== null && item.reference !== null ? item.reference - item.value : null;
      const shown = publicFigure(gap, item.participants ?? null, min);
      const what = item.exam === 'EGE' ? 'средний балл' : 'средний результат';
      if (shown.shown && shown.value !== null && item.value !== null && item.reference !== null) {
        return `${what} ${name} на ${count(shown.value, POINTS)} ниже среднего по муниципалитету (${fmt(item.value)} против ${fmt(item.reference)} из 100)`;
      }
      return `${what} ${name} ниже среднего по муниципалитету больше чем на ${count(threshold, POINTS)} (значение: ${suppressedText(shown.shown ? 'unknown_size' : shown.reason, min)})`;
    }
    case 'R2':
    case 'R3': {
      const what = rule === 'R3' || item.exam !== 'EGE' ? 'получили «2»' : 'не набрали минимальный балл';
      const shown = publicFigure(item.value, countBehindShare(item), min);
      const limit = rule === 'R3' ? `порог — ${fmtPercent(threshold)}` : threshold > 0 ? `порог — ${fmtPercent(threshold)}` : 'по правилу учитывается каждый такой участник';
      if (shown.shown && shown.value !== null) return `${fmtPercent(shown.value)} участников ${name} ${what} (${limit})`;
      return `часть участников ${name} ${what} (${limit}; доля: ${suppressedText(shown.shown ? 'unknown_size' : shown.reason, min)})`;
    }
    default:
      return '';
  }
}

/** The reason a fired rule gives, in plain words; every figure through the suppression rule. */
export function ruleReason(fact: PublicRuleFact, min = DEFAULT_MIN_GROUP): string {
  const fired = fact.items.filter((i) => i.status === 'fired');
  switch (fact.rule) {
    case 'R1':
    case 'R2':
    case 'R3': {
      if (fired.length === 0) return `${RULE_NAMES[fact.rule]} (${fact.year} год).`;
      const parts = fired.map((item) => ruleItemSentence(fact.rule, item, fact.threshold, min));
      return capitalise(`${parts.join('; ')} — ${fact.year} год.`);
    }
    case 'R4':
      // The share of 9th-grade graduates: their number is not in the data, so the share itself is not published.
      return `В 10 класс переходит меньше выпускников 9 класса, чем нужно (не менее ${fmtPercent(fact.threshold)}); точная доля: ${suppressedText('unknown_size', min)} — ${fact.year} год.`;
    case 'R5': {
      const olympiad = fact.items.reduce((sum, i) => sum + (countBehindShare(i) ?? 0), 0);
      const shown = publicFigure(fact.value, fact.items.length > 0 ? olympiad : null, min);
      const value = shown.shown && shown.value !== null ? `${fmtPercent(shown.value)} обучающихся` : suppressedText(shown.shown ? 'unknown_size' : shown.reason, min);
      return `Мало учеников участвуют в региональных и всероссийских олимпиадах: ${value} (нужно не менее ${fmtPercent(fact.threshold)}) — ${fact.year} год.`;
    }
  }
}

/** What has to change for one rule to stop applying, without figures of the school. */
export function exitStep(fact: PublicRuleFact): string {
  const fired = fact.items.filter((i) => i.status === 'fired').map(itemName);
  const subjects = fired.length > 0 ? fired.join(', ') : 'оцениваемым предметам';
  switch (fact.rule) {
    case 'R1':
      return `поднять ${fired.length > 1 ? 'средние баллы' : 'средний балл'} (${subjects}) так, чтобы отставание от среднего по муниципалитету было не больше ${count(fact.threshold, POINTS)}`;
    case 'R2':
      return fact.threshold > 0
        ? `чтобы меньше ${fmtPercent(fact.threshold)} участников (${subjects}) не набирали минимальный балл или получали «2»`
        : `чтобы ни один участник (${subjects}) не остался ниже минимального балла и не получил «2»`;
    case 'R3':
      return `снизить долю отметок «2» по ВПР (${subjects}) ниже ${fmtPercent(fact.threshold)}`;
    case 'R4':
      return `чтобы в 10 класс переходили не менее ${fmtPercent(fact.threshold)} выпускников 9 класса`;
    case 'R5':
      return `чтобы в региональных и всероссийских олимпиадах участвовали не менее ${fmtPercent(fact.threshold)} обучающихся`;
  }
}

/**
 * «Чтобы выйти из списка, достаточно: …» for a school with low results: the steps the engine chose (the smallest
 * combination of rules), or every fired rule when the engine's plan is unknown. Null for other categories.
 */
export function exitSentence(category: Category, facts: readonly PublicRuleFact[], chosen?: readonly RuleId[]): string | null {
  if (category !== 'low_results' && category !== 'both') {
    if (category === 'unfavourable') return 'Школа остаётся в программе, пока условия её работы относятся к самым сложным в регионе (четверть школ с самыми неблагоприятными условиями); условия оцениваются заново каждый год.';
    return null;
  }
  const fired = facts.filter((f) => f.status === 'fired');
  const steps = chosen && chosen.length > 0 ? fired.filter((f) => chosen.includes(f.rule)) : fired;
  if (steps.length === 0) return 'Школа выйдет из списка, когда её результаты перестанут отвечать правилам, по которым она в него попала.';
  return `Чтобы выйти из списка, достаточно ${steps.length === 1 ? 'одного' : 'следующего'}: ${steps.map(exitStep).join('; ')}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
