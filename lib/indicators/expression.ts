/**
 * Computed indicators: a small, documented expression over facts the portal already holds, evaluated per
 * organisation and year with a trace of every school (in the denominator? in the numerator? why). Pure: the
 * server loads the facts (lib/indicators/compute.ts), this module only decides.
 *
 * Building blocks
 * - school sets (`set`): `all` — every school of the organisation; `low_results` — ШНОР, `unfavourable` — ШНСУ,
 *   `resilient` — резильентные, as the published classification run of the year decided them;
 * - school facts (`source` + `variable`): `context` — the school's context of the year (internet speed, share of
 *   teachers under 35, olympiad participants, continuation to grade 10, psychologist…); `results` — ЕГЭ/ОГЭ/ВПР
 *   of the year (graduates below the ЕГЭ minimum, ОГЭ «2» in Russian and mathematics, means, ВПР «2» share);
 *   `roadmap` — the school's road map (approved, share of items done on time, overdue items); `entered` — the
 *   school's value of an entered indicator (by code);
 * - forms: `share_of_schools` — % of the set meeting every condition; `mean_of_schools` — mean of a fact over the
 *   set; `entered_ratio` — an entered indicator's numerators and denominators (or values) summed over the
 *   organisation's schools, numerator sum / denominator sum (× 100 for a percent).
 * A fact a school lacks makes a condition false, and the trace says «нет данных».
 */
import type { IndicatorUnit } from '@/db/schema/indicators';
import { formatNumber } from '@/lib/format/ru';
import {
  CONDITION_OPERATORS,
  FACT_VARIABLES,
  type Condition,
  type FactSource,
  type IndicatorExpression,
  type SchoolSet,
} from './schemas';

export const SCHOOL_SET_LABELS: Record<SchoolSet, string> = {
  all: 'все школы',
  low_results: 'ШНОР',
  unfavourable: 'ШНСУ',
  resilient: 'резильентные школы',
};

export const FACT_LABELS: { [S in FactSource]: Record<(typeof FACT_VARIABLES)[S][number], string> } = {
  context: {
    internetMbps: 'скорость Интернета, Мбит/с',
    shareTeachersUnder35: 'доля педагогов до 35 лет, %',
    olympiadParticipants: 'участники олимпиад',
    continuationShare9to10: 'доля продолжающих обучение в 10 классе, %',
    hasPsychologist: 'есть педагог-психолог',
    hasSpeechTherapist: 'есть логопед',
    hasSocialPedagogue: 'есть социальный педагог',
    teacherVacancyShare: 'доля вакансий педагогов, %',
    pupils: 'число обучающихся',
  },
  results: {
    egeBelowMinimum: 'выпускники ниже минимума ЕГЭ',
    ogeMarks2: '«2» на ОГЭ по русскому языку и математике',
    egeMean: 'средний балл ЕГЭ',
    ogeMean: 'средний балл ОГЭ',
    vpr2Share: 'доля «2» на ВПР, %',
  },
  roadmap: {
    approved: 'дорожная карта утверждена',
    onTimeShare: 'доля мероприятий, выполненных в срок, %',
    overdueItems: 'просроченные мероприятия',
  },
  entered: { value: 'значение показателя' },
};

export const OPERATOR_LABELS: Record<(typeof CONDITION_OPERATORS)[number], string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
  is_true: 'да',
  is_false: 'нет',
};

/** What the server knows of one school for one year. Missing parts are null. */
export interface SchoolFacts {
  schoolId: string;
  name: string;
  municipalityId: string;
  /** Category in the year's published classification run (`low_results`, `both`, …), null when none. */
  category: string | null;
  context: Partial<Record<(typeof FACT_VARIABLES)['context'][number], number | boolean | null>> | null;
  results: Partial<Record<(typeof FACT_VARIABLES)['results'][number], number | null>> | null;
  roadmap: { approved: boolean; onTimeShare: number | null; overdueItems: number } | null;
  /** Entered indicators' values of the year by code. */
  entered: Readonly<Record<string, { value: number; numerator: number | null; denominator: number | null }>>;
}

export interface TraceRow {
  schoolId: string;
  name: string;
  inDenominator: boolean;
  inNumerator: boolean;
  /** The school's figure for `mean_of_schools` and `entered_ratio`. */
  figure: number | null;
  reasons: string[];
}

export interface Evaluation {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  trace: TraceRow[];
}

export function inSet(set: SchoolSet, category: string | null): boolean {
  switch (set) {
    case 'all':
      return true;
    case 'low_results':
      return category === 'low_results' || category === 'both';
    case 'unfavourable':
      return category === 'unfavourable' || category === 'both';
    case 'resilient':
      return category === 'resilient';
  }
}

function factOf(school: SchoolFacts, condition: Pick<Condition, 'source' | 'variable' | 'code'>): number | boolean | null {
  switch (condition.source) {
    case 'context':
      return school.context?.[condition.variable as keyof NonNullable<SchoolFacts['context']>] ?? null;
    case 'results':
      return school.results?.[condition.variable as keyof NonNullable<SchoolFacts['results']>] ?? null;
    case 'roadmap': {
      if (!school.roadmap) return condition.variable === 'approved' ? false : null;
      const v = school.roadmap[condition.variable as keyof NonNullable<SchoolFacts['roadmap']>];
      return v ?? null;
    }
    case 'entered':
      return condition.code ? (school.entered[condition.code]?.value ?? null) : null;
  }
}

export function conditionLabel(c: Condition): string {
  const name = c.source === 'entered' ? `показатель ${c.code}` : (FACT_LABELS[c.source] as Record<string, string>)[c.variable];
  if (c.operator === 'is_true' || c.operator === 'is_false') return `${name} — ${OPERATOR_LABELS[c.operator]}`;
  return `${name} ${OPERATOR_LABELS[c.operator]} ${formatNumber(c.value ?? null)}`;
}

/** Whether a known fact meets the condition. */
function holds(fact: number | boolean, c: Condition): boolean {
  if (c.operator === 'is_true') return fact === true || fact === 1;
  if (c.operator === 'is_false') return fact === false || fact === 0;
  const x = typeof fact === 'boolean' ? Number(fact) : fact;
  const v = c.value ?? 0;
  return c.operator === '>=' ? x >= v : c.operator === '>' ? x > v : c.operator === '<=' ? x <= v : c.operator === '<' ? x < v : x === v;
}

/** Whether the school meets the condition, without the sentence (an evaluation that keeps no trace). */
function meets(school: SchoolFacts, c: Condition): boolean {
  const fact = factOf(school, c);
  return fact !== null && fact !== undefined && holds(fact, c);
}

/** Whether the school meets the condition, and the sentence that says why. */
export function testCondition(school: SchoolFacts, c: Condition): { ok: boolean; reason: string } {
  const fact = factOf(school, c);
  const label = conditionLabel(c);
  if (fact === null || fact === undefined) return { ok: false, reason: `${label} — нет данных` };
  const shown = typeof fact === 'boolean' ? (fact ? 'да' : 'нет') : formatNumber(fact);
  const ok = holds(fact, c);
  return { ok, reason: `${label}: ${c.operator === 'is_true' || c.operator === 'is_false' ? 'факт' : 'значение'} ${shown} — ${ok ? 'выполнено' : 'не выполнено'}` };
}

/**
 * Evaluates the expression over the organisation's schools (the caller passes exactly those). `trace: false` gives
 * the same value, numerator and denominator without the per-school sentences (a scorecard shows only the figure;
 * the sentences are built when a value is opened).
 */
export function evaluate(expression: IndicatorExpression, unit: IndicatorUnit, schools: readonly SchoolFacts[], options: { trace?: boolean } = {}): Evaluation {
  if (options.trace === false) return evaluateValue(expression, unit, schools);
  const scale = unit === 'percent' ? 100 : 1;
  const trace: TraceRow[] = [];
  if (expression.type === 'entered_ratio') {
    let num = 0;
    let den = 0;
    let any = false;
    for (const s of schools) {
      const n = s.entered[expression.numerator];
      const d = expression.denominator ? s.entered[expression.denominator] : undefined;
      const part = expression.denominator
        ? { num: n?.value ?? null, den: d?.value ?? null }
        : { num: n?.numerator ?? null, den: n?.denominator ?? null };
      const counted = part.num !== null && part.den !== null;
      if (counted) {
        num += part.num!;
        den += part.den!;
        any = true;
      }
      trace.push({
        schoolId: s.schoolId,
        name: s.name,
        inDenominator: counted,
        inNumerator: counted,
        figure: counted ? part.num : null,
        reasons: [counted ? `числитель ${formatNumber(part.num)}, знаменатель ${formatNumber(part.den)}` : 'нет введённых данных'],
      });
    }
    return { value: any && den > 0 ? (num / den) * scale : null, numerator: any ? num : null, denominator: any ? den : null, trace };
  }
  const setLabel = SCHOOL_SET_LABELS[expression.set];
  let denominator = 0;
  let numerator = 0;
  for (const s of schools) {
    const member = inSet(expression.set, s.category);
    const row: TraceRow = { schoolId: s.schoolId, name: s.name, inDenominator: false, inNumerator: false, figure: null, reasons: [] };
    if (!member) {
      row.reasons.push(s.category === null && expression.set !== 'all' ? 'нет в опубликованном запуске классификации года' : `не входит в множество «${setLabel}»`);
      trace.push(row);
      continue;
    }
    if (expression.type === 'share_of_schools') {
      row.inDenominator = true;
      denominator += 1;
      row.reasons.push(`входит в множество «${setLabel}»`);
      const tests = expression.where.map((c) => testCondition(s, c));
      row.reasons.push(...tests.map((t) => t.reason));
      if (tests.every((t) => t.ok)) {
        row.inNumerator = true;
        numerator += 1;
      }
    } else {
      const fact = factOf(s, expression.of);
      const x = typeof fact === 'boolean' ? Number(fact) : fact;
      if (x === null || x === undefined) row.reasons.push(`входит в множество «${setLabel}», но нет данных`);
      else {
        row.inDenominator = true;
        row.inNumerator = true;
        row.figure = x;
        denominator += 1;
        numerator += x;
        row.reasons.push(`входит в множество «${setLabel}»: ${formatNumber(x)}`);
      }
    }
    trace.push(row);
  }
  if (denominator === 0) return { value: null, numerator: null, denominator: 0, trace };
  const value = expression.type === 'share_of_schools' ? (numerator / denominator) * scale : numerator / denominator;
  return { value, numerator, denominator, trace };
}

/** `evaluate` without the trace: the same arithmetic, no sentences. */
function evaluateValue(expression: IndicatorExpression, unit: IndicatorUnit, schools: readonly SchoolFacts[]): Evaluation {
  const scale = unit === 'percent' ? 100 : 1;
  if (expression.type === 'entered_ratio') {
    let num = 0;
    let den = 0;
    let any = false;
    for (const s of schools) {
      const n = s.entered[expression.numerator];
      const d = expression.denominator ? s.entered[expression.denominator] : undefined;
      const pn = expression.denominator ? (n?.value ?? null) : (n?.numerator ?? null);
      const pd = expression.denominator ? (d?.value ?? null) : (n?.denominator ?? null);
      if (pn !== null && pd !== null) {
        num += pn;
        den += pd;
        any = true;
      }
    }
    return { value: any && den > 0 ? (num / den) * scale : null, numerator: any ? num : null, denominator: any ? den : null, trace: [] };
  }
  let denominator = 0;
  let numerator = 0;
  for (const s of schools) {
    if (!inSet(expression.set, s.category)) continue;
    if (expression.type === 'share_of_schools') {
      denominator += 1;
      if (expression.where.every((c) => meets(s, c))) numerator += 1;
    } else {
      const fact = factOf(s, expression.of);
      const x = typeof fact === 'boolean' ? Number(fact) : fact;
      if (x === null || x === undefined) continue;
      denominator += 1;
      numerator += x;
    }
  }
  if (denominator === 0) return { value: null, numerator: null, denominator: 0, trace: [] };
  const value = expression.type === 'share_of_schools' ? (numerator / denominator) * scale : numerator / denominator;
  return { value, numerator, denominator, trace: [] };
}

/** Codes of the entered indicators an expression reads (checked to exist and be entered when it is saved). */
export function referencedCodes(expression: IndicatorExpression): string[] {
  if (expression.type === 'entered_ratio') return [expression.numerator, ...(expression.denominator ? [expression.denominator] : [])];
  if (expression.type === 'mean_of_schools') return expression.of.source === 'entered' && expression.of.code ? [expression.of.code] : [];
  return expression.where.filter((c) => c.source === 'entered' && c.code).map((c) => c.code!);
}

/**
 * Checks that go beyond the shape: referenced entered indicators exist and are not computed, numeric operators
 * carry a value, yes/no facts use «да/нет». Russian messages naming the part of the expression.
 */
export function expressionProblems(expression: IndicatorExpression, enteredCodes: ReadonlySet<string>, ownCode?: string): string[] {
  const problems: string[] = [];
  for (const code of referencedCodes(expression)) {
    if (code === ownCode) problems.push(`Формула: показатель не может ссылаться на себя (${code})`);
    else if (!enteredCodes.has(code)) problems.push(`Формула: нет вводимого показателя с кодом «${code}»`);
  }
  const conditions = expression.type === 'share_of_schools' ? expression.where : [];
  conditions.forEach((c, i) => {
    const n = i + 1;
    const isFlag = BOOLEAN_FACTS.has(`${c.source}.${c.variable}`);
    if (isFlag && c.operator !== 'is_true' && c.operator !== 'is_false') problems.push(`Условие ${n}: «${conditionLabel({ ...c, operator: 'is_true' })}» — выберите «да» или «нет»`);
    if (!isFlag && c.operator !== 'is_true' && c.operator !== 'is_false' && (c.value === undefined || c.value === null)) {
      problems.push(`Условие ${n}: укажите число для сравнения`);
    }
    if (!isFlag && c.source !== 'entered' && (c.operator === 'is_true' || c.operator === 'is_false')) problems.push(`Условие ${n}: «да/нет» — только для признаков`);
  });
  if (expression.type === 'mean_of_schools' && BOOLEAN_FACTS.has(`${expression.of.source}.${expression.of.variable}`)) {
    problems.push('Формула: среднее считается по числовому признаку, а не «да/нет»');
  }
  return problems;
}

const BOOLEAN_FACTS = new Set(['context.hasPsychologist', 'context.hasSpeechTherapist', 'context.hasSocialPedagogue', 'roadmap.approved']);
