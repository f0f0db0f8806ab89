/**
 * What-if: compares a run with a draft methodology against the run with the active one (same data) — which
 * schools enter and leave the ШНОР and ШНСУ lists, which change category, and why (the rule outcomes and social
 * reasons that differ, in the draft's words).
 */
import { CATEGORY_NAMES, classifyLazily, type ClassificationResult, type LazyClassification, type SchoolClassification } from './classify';
import type { ClassificationInput } from './dataset';
import { compareStrings, fmt } from './format';
import type { Methodology } from './methodology';
import { RULE_NAMES, ruleWithName, rulesWithNames } from './rule-names';
import type { SchoolOverview } from './overview';
import type { Decision, RuleStatus } from './types';

export type WhatIfList = 'low_results' | 'unfavourable' | 'category';

export interface WhatIfChange {
  schoolId: string;
  name: string;
  municipalityId: string;
  list: WhatIfList;
  before: string;
  after: string;
  /** What changed the decision, naming the rule (or the threshold, weight or social boundary) in words. */
  changedBy: string;
  reasons: string[];
}

export interface WhatIfDiff {
  entering: { lowResults: WhatIfChange[]; unfavourable: WhatIfChange[] };
  leaving: { lowResults: WhatIfChange[]; unfavourable: WhatIfChange[] };
  categoryChanges: WhatIfChange[];
  /** Schools present in only one of the runs (the data differ). */
  onlyInActive: string[];
  onlyInDraft: string[];
  unchanged: number;
}

const DECISION_NAMES: Record<Decision, string> = { yes: 'да', no: 'нет', insufficient_data: 'недостаточно данных' };
const STATUS_NAMES: Record<RuleStatus, string> = { fired: 'сработало', not_fired: 'не сработало', insufficient_data: 'недостаточно данных' };

function ruleReasons(a: SchoolClassification, b: SchoolClassification): string[] {
  const reasons: string[] = [];
  for (const after of b.rules) {
    const before = a.rules.find((r) => r.rule === after.rule);
    if (!before || (before.status === after.status && before.sentence === after.sentence)) continue;
    reasons.push(`${ruleWithName(after.rule)}: ${STATUS_NAMES[before.status]} → ${STATUS_NAMES[after.status]}. ${after.sentence}`);
  }
  if (a.lowResults.score !== b.lowResults.score || a.lowResults.threshold !== b.lowResults.threshold) {
    reasons.push(`Сумма весов сработавших правил: ${fmt(a.lowResults.score)} → ${fmt(b.lowResults.score)} (порог: ${fmt(a.lowResults.threshold)} → ${fmt(b.lowResults.threshold)}).`);
  }
  return reasons;
}

/** The rule whose outcome changed the ШНОР decision, or else the threshold or the weights. */
function lowResultsCause(a: SchoolClassification, b: SchoolClassification): string {
  const changed = b.rules.flatMap((after) => {
    const before = a.rules.find((r) => r.rule === after.rule);
    return before && before.status !== after.status ? [`${ruleWithName(after.rule)} — «${RULE_NAMES[after.rule]}»: ${STATUS_NAMES[before.status]} → ${STATUS_NAMES[after.status]}`] : [];
  });
  if (changed.length === 1) return `Решение изменило правило ${changed[0]}.`;
  if (changed.length > 1) return `Решение изменили правила ${changed.join('; ')}.`;
  if (a.lowResults.threshold !== b.lowResults.threshold) return `Решение изменил порог суммы весов: ${fmt(a.lowResults.threshold)} → ${fmt(b.lowResults.threshold)}.`;
  const fired = b.rules.filter((r) => r.status === 'fired').map((r) => r.rule);
  if (a.lowResults.score !== b.lowResults.score) {
    return `Решение изменили веса правил${fired.length > 0 ? ` ${rulesWithNames(fired)}` : ''}: сумма весов ${fmt(a.lowResults.score)} → ${fmt(b.lowResults.score)}.`;
  }
  return `Решение изменил учёт правил без данных: вес неизвестных ${fmt(a.lowResults.unknownWeight)} → ${fmt(b.lowResults.unknownWeight)}.`;
}

/** What changed the ШНСУ decision: the boundary of the most disadvantaged schools, or the hard factors. */
function socialCause(a: SchoolClassification, b: SchoolClassification): string {
  if (a.social.inDisadvantagedQuarter !== b.social.inDisadvantagedQuarter) {
    const where = b.social.inDisadvantagedQuarter ? 'вошла в самую неблагополучную долю школ региона' : 'вышла из самой неблагополучной доли школ региона';
    return `Решение изменили параметры социального индекса: школа ${where}.`;
  }
  const applying = (s: SchoolClassification) => s.social.hardFactors.filter((f) => f.applies === true).length;
  if (applying(a) !== applying(b)) return `Решение изменили жёсткие факторы: выполняется ${applying(a)} → ${applying(b)}.`;
  return 'Решение изменило число жёстких факторов, которого достаточно для ШНСУ.';
}

function categoryCause(a: SchoolClassification, b: SchoolClassification): string {
  if (a.lowResults.decision !== b.lowResults.decision) return lowResultsCause(a, b);
  if (a.unfavourable.decision !== b.unfavourable.decision) return socialCause(a, b);
  if (a.cluster !== b.cluster) return `Решение изменил социальный кластер: ${a.cluster ?? '—'} → ${b.cluster ?? '—'}.`;
  return 'Решение изменило правило отнесения к резильентным школам (кластеры самых неблагополучных).';
}

function socialReasons(a: SchoolClassification, b: SchoolClassification): string[] {
  const before = new Set(a.unfavourable.reasons);
  const changed = b.unfavourable.reasons.filter((r) => !before.has(r));
  return changed.length > 0 ? changed : b.unfavourable.reasons;
}

function change(school: SchoolClassification, list: WhatIfList, before: string, after: string, changedBy: string, reasons: string[]): WhatIfChange {
  return { schoolId: school.schoolId, name: school.name, municipalityId: school.municipalityId, list, before, after, changedBy, reasons };
}

type Decisions = Pick<SchoolOverview, 'lowResults' | 'unfavourable' | 'category'>;

/** Whether a school's decisions differ between two runs: what puts it in the diff. */
function decisionsDiffer(a: Decisions, b: Decisions): boolean {
  return a.lowResults.decision !== b.lowResults.decision || a.unfavourable.decision !== b.unfavourable.decision || a.category !== b.category;
}

export function compareRuns(active: Pick<ClassificationResult, 'schools'>, draft: Pick<ClassificationResult, 'schools'>): WhatIfDiff {
  const activeById = new Map(active.schools.map((s) => [s.schoolId, s]));
  const draftIds = new Set(draft.schools.map((s) => s.schoolId));
  const diff: WhatIfDiff = {
    entering: { lowResults: [], unfavourable: [] },
    leaving: { lowResults: [], unfavourable: [] },
    categoryChanges: [],
    onlyInActive: active.schools.filter((s) => !draftIds.has(s.schoolId)).map((s) => s.schoolId),
    onlyInDraft: draft.schools.filter((s) => !activeById.has(s.schoolId)).map((s) => s.schoolId),
    unchanged: 0,
  };
  for (const b of [...draft.schools].sort((x, y) => compareStrings(x.schoolId, y.schoolId))) {
    const a = activeById.get(b.schoolId);
    if (!a) continue;
    if (!decisionsDiffer(a, b)) {
      diff.unchanged += 1;
      continue;
    }
    const lowBefore = a.lowResults.decision;
    const lowAfter = b.lowResults.decision;
    if (lowBefore !== lowAfter) {
      const entry = change(b, 'low_results', DECISION_NAMES[lowBefore], DECISION_NAMES[lowAfter], lowResultsCause(a, b), ruleReasons(a, b));
      if (lowAfter === 'yes') diff.entering.lowResults.push(entry);
      else if (lowBefore === 'yes') diff.leaving.lowResults.push(entry);
    }
    const socBefore = a.unfavourable.decision;
    const socAfter = b.unfavourable.decision;
    if (socBefore !== socAfter) {
      const entry = change(b, 'unfavourable', DECISION_NAMES[socBefore], DECISION_NAMES[socAfter], socialCause(a, b), socialReasons(a, b));
      if (socAfter === 'yes') diff.entering.unfavourable.push(entry);
      else if (socBefore === 'yes') diff.leaving.unfavourable.push(entry);
    }
    if (a.category !== b.category) {
      const reasons = [...ruleReasons(a, b), b.categorySentence];
      diff.categoryChanges.push(change(b, 'category', CATEGORY_NAMES[a.category], CATEGORY_NAMES[b.category], categoryCause(a, b), reasons));
    }
  }
  return diff;
}

/**
 * compareRuns of two lazily built runs: decisions are compared on the schools' overviews, and only the schools
 * whose decisions differ are worded — the same diff, without wording every school of both runs.
 */
function compareLazily(active: LazyClassification, draft: LazyClassification): WhatIfDiff {
  const before = new Map<string, SchoolOverview>();
  for (const overview of active.overviews()) before.set(overview.schoolId, overview);
  const inDraft = new Set<string>();
  const changed: string[] = [];
  const onlyInDraft: string[] = [];
  let unchanged = 0;
  for (const overview of draft.overviews()) {
    inDraft.add(overview.schoolId);
    const previous = before.get(overview.schoolId);
    if (!previous) onlyInDraft.push(overview.schoolId);
    else if (decisionsDiffer(previous, overview)) changed.push(overview.schoolId);
    else unchanged += 1;
  }
  const diff = compareRuns({ schools: changed.map((id) => active.school(id)!) }, { schools: changed.map((id) => draft.school(id)!) });
  return { ...diff, onlyInActive: [...before.keys()].filter((id) => !inDraft.has(id)), onlyInDraft, unchanged };
}

/** The what-if of a draft methodology: the input classified with its own (active) methodology and with the draft. */
export function whatIf(input: ClassificationInput, draft: Methodology): { active: LazyClassification; draft: LazyClassification; diff: WhatIfDiff } {
  const active = classifyLazily(input);
  const drafted = classifyLazily({ ...input, methodology: draft });
  return { active, draft: drafted, diff: compareLazily(active, drafted) };
}
