/**
 * Distance to exit: the smallest change that takes a ШНОР off the list. For each fired rule we compute the
 * least change that would stop it firing; then we choose the set of rules whose weights bring the sum below the
 * threshold with the fewest rules, and among those the smallest relative change (change ÷ threshold or ÷
 * participants). Raising a school's mean also raises the municipal mean it is compared with, which R1 takes
 * into account.
 */
import { belowCount, contextOf, ogeMaximum, type Dataset } from './dataset';
import { ceilTenth, compareStrings, count, EPSILON, fmt, fmtPercent, greaterThan, PARTICIPANTS, POINTS } from './format';
import type { LowResultsAssessment } from './low-results';
import { examSubject, say } from './rules';
import { procedureName, vprTwoShares } from './rule-vpr';
import { ruleWithName } from './rule-names';
import type { RuleId, RuleOutcome, School } from './types';

export interface ExitStep {
  rule: RuleId;
  /** «+3,6 балла к среднему баллу ЕГЭ по математике (профиль)». */
  change: string;
  /** Relative size of the change, used only to choose between rules. */
  effort: number;
}

export interface ExitPlan {
  score: number;
  threshold: number;
  /** The chosen smallest combination. */
  steps: ExitStep[];
  /** The change that would stop each fired rule, in rule order. */
  alternatives: ExitStep[];
  sentence: string;
}

/** Largest count of «bad» participants that keeps the share strictly under `percent` (or 0 when percent is 0). */
function allowedBelow(percent: number, participants: number): number {
  if (percent <= 0) return 0;
  return Math.max(0, Math.ceil((percent * participants) / 100 - EPSILON) - 1);
}

function exitR1(dataset: Dataset, school: School, outcome: RuleOutcome, explain: boolean): ExitStep {
  const { gapPoints } = dataset.methodology.r1;
  const parts: string[] = [];
  let effort = 0;
  for (const d of outcome.details) {
    if (d.status !== 'fired' || d.value === null || d.reference === null || !d.exam || !d.subject) continue;
    const acc = dataset.municipalMeans.get(school.municipalityId, outcome.year, d.exam, d.subject);
    const ownShare = acc ? (d.participants ?? 0) / acc.participants : 0;
    const raise = ceilTenth((d.reference - d.value - gapPoints) / (1 - Math.min(ownShare, 0.999)));
    effort += raise / Math.max(gapPoints, 1);
    if (!explain) continue;
    const row = { exam: d.exam, subject: d.subject };
    if (d.exam === 'OGE') {
      const max = ogeMaximum({ subject: d.subject, year: outcome.year });
      const primary = max ? ` (≈ ${fmt(ceilTenth((raise * max) / 100))} перв. б. из ${max})` : '';
      parts.push(`+${count(raise, POINTS)} из 100 к результату ${examSubject(row)}${primary}`);
    } else parts.push(`+${count(raise, POINTS)} к среднему баллу ${examSubject(row)}`);
  }
  return { rule: 'R1', change: parts.join(' и '), effort };
}

function exitR2(dataset: Dataset, outcome: RuleOutcome, explain: boolean): ExitStep {
  const { minSharePercent } = dataset.methodology.r2;
  const parts: string[] = [];
  let effort = 0;
  for (const d of outcome.details) {
    if (d.status !== 'fired' || !d.exam || !d.subject || !d.participants || d.value === null) continue;
    const below = Math.round((d.value * d.participants) / 100);
    const allowed = allowedBelow(minSharePercent, d.participants);
    effort += (below - allowed) / d.participants;
    if (!explain) continue;
    const what = d.exam === 'EGE' ? 'ниже минимального балла' : 'с отметкой «2»';
    const limit = allowed === 0 ? 'ни одного участника' : `не более ${fmt(allowed)} ${allowed % 10 === 1 && allowed % 100 !== 11 ? 'участника' : 'участников'}`;
    parts.push(`${limit} ${examSubject({ exam: d.exam, subject: d.subject })} ${what} (сейчас ${fmt(below)})`);
  }
  return { rule: 'R2', change: parts.join('; '), effort };
}

/** The order of equally hard procedures: by subject code and grade, as text. */
const procedureLabel = (row: { subject: string; grade?: number | null }) => `${row.subject}|${row.grade ?? ''}`;

function exitR3(dataset: Dataset, school: School, outcome: RuleOutcome, explain: boolean): ExitStep {
  const { r3 } = dataset.methodology;
  const year = outcome.year;
  const previous = r3.consecutiveYears ? vprTwoShares(dataset, school, year - 1) : new Map();
  const high = [...vprTwoShares(dataset, school, year).entries()]
    .filter(([, v]) => v.share - r3.twoSharePercent >= -EPSILON)
    .map(([key, v]) => {
      const twos = belowCount(v.row) ?? 0;
      const fewer = twos - allowedBelow(r3.twoSharePercent, v.row.participants);
      const before = previous.get(key);
      return { key, row: v.row, share: v.share, fewer, repeated: before !== undefined && before.share - r3.twoSharePercent >= -EPSILON };
    });
  const mustFix = high.filter((h) => h.repeated);
  const others = high.filter((h) => !h.repeated).sort((a, b) => a.fewer - b.fewer || compareStrings(procedureLabel(a.row), procedureLabel(b.row)));
  const extra = Math.max(0, others.length - (r3.minProcedures - 1));
  const fix = [...mustFix, ...others.slice(0, extra)];
  const participants = fix.reduce((sum, h) => sum + h.row.participants, 0);
  const effort = participants > 0 ? fix.reduce((sum, h) => sum + h.fewer, 0) / participants : 0;
  const change = say(explain, () => fix
    .map((h) => `доля «2» в ВПР (${procedureName(h.row)}) ниже ${fmtPercent(r3.twoSharePercent)}: на ${fmt(h.fewer)} «2» меньше (сейчас ${fmtPercent(h.share)})`)
    .join('; '));
  return { rule: 'R3', change, effort };
}

function exitR4(dataset: Dataset, outcome: RuleOutcome, explain: boolean): ExitStep {
  const target = dataset.methodology.r4.minContinuationPercent;
  const now = outcome.value ?? 0;
  return { rule: 'R4', change: say(explain, () => `доля перешедших в 10 класс ≥ ${fmtPercent(target)} (сейчас ${fmtPercent(now)})`), effort: (target - now) / Math.max(target, 1) };
}

function exitR5(dataset: Dataset, school: School, outcome: RuleOutcome, explain: boolean): ExitStep {
  const { r5 } = dataset.methodology;
  let have = 0;
  let pupils = 0;
  for (let y = outcome.year - r5.years + 1; y <= outcome.year; y++) {
    const ctx = contextOf(dataset, school.id, y);
    if (ctx?.olympiadParticipants == null || !ctx.pupils) continue;
    have += ctx.olympiadParticipants;
    pupils += ctx.pupils;
  }
  const need = Math.ceil((r5.minOlympiadPercent * pupils) / 100 - EPSILON);
  return {
    rule: 'R5',
    change: say(explain, () => `+${count(need - have, PARTICIPANTS)} региональных и всероссийских олимпиад за ${r5.years} г. (нужно не менее ${fmt(need)}, сейчас ${fmt(have)})`),
    effort: (need - have) / Math.max(need, 1),
  };
}

/** `explain` false: the same choice and effort, no wording. */
function stepFor(dataset: Dataset, school: School, outcome: RuleOutcome, explain: boolean): ExitStep {
  switch (outcome.rule) {
    case 'R1': return exitR1(dataset, school, outcome, explain);
    case 'R2': return exitR2(dataset, outcome, explain);
    case 'R3': return exitR3(dataset, school, outcome, explain);
    case 'R4': return exitR4(dataset, outcome, explain);
    case 'R5': return exitR5(dataset, school, outcome, explain);
  }
}

/** The plan for a ШНОР; null for any other decision. `explain` false keeps the choice and drops the wording. */
export function exitPlan(dataset: Dataset, school: School, assessment: LowResultsAssessment, explain = true): ExitPlan | null {
  if (assessment.decision !== 'yes') return null;
  const { weights } = dataset.methodology;
  const alternatives = assessment.rules.filter((r) => r.status === 'fired' && weights[r.rule] > 0).map((r) => stepFor(dataset, school, r, explain));
  let best: ExitStep[] | null = null;
  for (let mask = 1; mask < 1 << alternatives.length; mask++) {
    const chosen = alternatives.filter((_, i) => mask & (1 << i));
    const removed = chosen.reduce((sum, s) => sum + weights[s.rule], 0);
    if (!greaterThan(assessment.threshold, assessment.score - removed)) continue;
    if (!best || isSmaller(chosen, best)) best = chosen;
  }
  const steps = best ?? alternatives;
  if (!explain) return { score: assessment.score, threshold: assessment.threshold, steps, alternatives, sentence: '' };
  return {
    score: assessment.score,
    threshold: assessment.threshold,
    steps,
    alternatives,
    sentence: `Чтобы выйти из списка ШНОР, достаточно: ${steps.map((s) => `${s.change} (${ruleWithName(s.rule)})`).join('; ')}.`,
  };
}

function isSmaller(a: ExitStep[], b: ExitStep[]): boolean {
  if (a.length !== b.length) return a.length < b.length;
  const effort = (steps: ExitStep[]) => steps.reduce((sum, s) => sum + s.effort, 0);
  const diff = effort(a) - effort(b);
  if (Math.abs(diff) > EPSILON) return diff < 0;
  return a.map((s) => s.rule).join() < b.map((s) => s.rule).join();
}
