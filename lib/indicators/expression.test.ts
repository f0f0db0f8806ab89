import { describe, expect, it } from 'vitest';
import { evaluate, expressionProblems, inSet, type SchoolFacts } from './expression';
import { createIndicatorSchema, EXPRESSION_TEXT_MAX, expressionSchema, type IndicatorExpression } from './schemas';

function school(id: string, over: Partial<SchoolFacts> = {}): SchoolFacts {
  return { schoolId: id, name: `Школа ${id}`, municipalityId: 'm', category: 'none', context: null, results: null, roadmap: null, entered: {}, ...over };
}

const internet: IndicatorExpression = {
  type: 'share_of_schools',
  set: 'low_results',
  where: [{ source: 'context', variable: 'internetMbps', operator: '>=', value: 1 }],
};

describe('school sets', () => {
  it('ШНОР are low_results and both; ШНСУ unfavourable and both; resilient alone', () => {
    expect(['low_results', 'both', 'unfavourable', 'resilient', 'none', null].map((c) => inSet('low_results', c))).toEqual([true, true, false, false, false, false]);
    expect(['low_results', 'both', 'unfavourable', 'resilient', 'none', null].map((c) => inSet('unfavourable', c))).toEqual([false, true, true, false, false, false]);
    expect(inSet('resilient', 'resilient')).toBe(true);
    expect(inSet('all', null)).toBe(true);
  });
});

describe('evaluate', () => {
  it('share of ШНОР with internet ≥ 1 Мбит/с: the denominator is the ШНОР list, each school says why', () => {
    const schools = [
      school('a', { category: 'low_results', context: { internetMbps: 0.5 } }),
      school('b', { category: 'both', context: { internetMbps: 1 } }),
      school('c', { category: 'low_results', context: null }),
      school('d', { category: 'none', context: { internetMbps: 100 } }),
      school('e', { category: null }),
    ];
    const r = evaluate(internet, 'percent', schools);
    expect(r).toMatchObject({ numerator: 1, denominator: 3 });
    expect(r.value).toBeCloseTo(100 / 3, 10);
    const why = Object.fromEntries(r.trace.map((t) => [t.schoolId, t]));
    expect(why.a).toMatchObject({ inDenominator: true, inNumerator: false });
    expect(why.a!.reasons).toContain('скорость Интернета, Мбит/с ≥ 1: значение 0,5 — не выполнено');
    expect(why.b!.inNumerator).toBe(true);
    expect(why.c!.reasons).toContain('скорость Интернета, Мбит/с ≥ 1 — нет данных');
    expect(why.d).toMatchObject({ inDenominator: false, reasons: ['не входит в множество «ШНОР»'] });
    expect(why.e!.reasons).toEqual(['нет в опубликованном запуске классификации года']);
  });

  it('«программа минимум»: every condition must hold', () => {
    const minimum: IndicatorExpression = {
      type: 'share_of_schools',
      set: 'low_results',
      where: [
        { source: 'results', variable: 'egeBelowMinimum', operator: '=', value: 0 },
        { source: 'results', variable: 'ogeMarks2', operator: '=', value: 0 },
      ],
    };
    const schools = [
      school('a', { category: 'low_results', results: { egeBelowMinimum: 0, ogeMarks2: 0 } }),
      school('b', { category: 'low_results', results: { egeBelowMinimum: 0, ogeMarks2: 2 } }),
      school('c', { category: 'low_results', results: { egeBelowMinimum: 1, ogeMarks2: 0 } }),
      school('d', { category: 'low_results', results: { egeBelowMinimum: 0, ogeMarks2: 0 } }),
    ];
    expect(evaluate(minimum, 'percent', schools)).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
  });

  it('road-map facts: a school without a road map has none approved', () => {
    const e: IndicatorExpression = { type: 'share_of_schools', set: 'all', where: [{ source: 'roadmap', variable: 'approved', operator: 'is_true' }] };
    const r = evaluate(e, 'percent', [
      school('a', { roadmap: { approved: true, onTimeShare: 100, overdueItems: 0 } }),
      school('b', { roadmap: null }),
      school('c', { roadmap: { approved: false, onTimeShare: null, overdueItems: 2 } }),
      school('d', { roadmap: { approved: true, onTimeShare: 50, overdueItems: 1 } }),
    ]);
    expect(r).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    expect(r.trace[1]!.reasons).toContain('дорожная карта утверждена — да: факт нет — не выполнено');
  });

  it('mean of a context variable over ШНОР skips schools without data', () => {
    const e: IndicatorExpression = { type: 'mean_of_schools', set: 'low_results', of: { source: 'context', variable: 'shareTeachersUnder35' } };
    const r = evaluate(e, 'percent', [
      school('a', { category: 'low_results', context: { shareTeachersUnder35: 10 } }),
      school('b', { category: 'low_results', context: { shareTeachersUnder35: 25 } }),
      school('c', { category: 'low_results', context: {} }),
      school('d', { category: 'none', context: { shareTeachersUnder35: 90 } }),
    ]);
    expect(r).toMatchObject({ value: 17.5, numerator: 35, denominator: 2 });
  });

  it('entered ratio sums numerators and denominators up the hierarchy (not the mean of shares)', () => {
    const e: IndicatorExpression = { type: 'entered_ratio', numerator: '9' };
    const r = evaluate(e, 'percent', [
      school('a', { entered: { '9': { value: 50, numerator: 1, denominator: 2 } } }),
      school('b', { entered: { '9': { value: 100, numerator: 8, denominator: 8 } } }),
      school('c'),
    ]);
    expect(r).toMatchObject({ value: 90, numerator: 9, denominator: 10 });
    expect(r.trace[2]).toMatchObject({ inDenominator: false, reasons: ['нет введённых данных'] });
    const two: IndicatorExpression = { type: 'entered_ratio', numerator: 'a', denominator: 'b' };
    expect(evaluate(two, 'number', [school('x', { entered: { a: { value: 3, numerator: null, denominator: null }, b: { value: 6, numerator: null, denominator: null } } })]).value).toBe(0.5);
  });

  it('an empty set gives no value, not zero', () => {
    expect(evaluate(internet, 'percent', [school('a')])).toMatchObject({ value: null, denominator: 0 });
  });
});

describe('validation when saved', () => {
  it('a formula typed in the form: unreadable or oversized text gets its own message, and oversized text is not parsed', () => {
    const messages = (expression: string) =>
      createIndicatorSchema.safeParse({ code: 'a', name: 'b', unit: 'percent', level: 'school', kind: 'computed', expression }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(messages('{не JSON')).toEqual([['expression', 'Формула: не читается — нужен JSON, например {"type": "entered_ratio", "numerator": "9"}']]);
    const parse = JSON.parse;
    let parsed = 0;
    JSON.parse = (...args: Parameters<typeof JSON.parse>) => {
      parsed += 1;
      return parse(...args);
    };
    try {
      expect(messages(`{"type": "entered_ratio", "numerator": "${'9'.repeat(EXPRESSION_TEXT_MAX)}"}`)).toEqual([['expression', 'Формула: не длиннее 10\u00a0000 символов']]);
    } finally {
      JSON.parse = parse;
    }
    expect(parsed).toBe(0);
  });

  it('shape: unknown variable of a source, missing condition, entered without code', () => {
    const bad = expressionSchema.safeParse({ type: 'share_of_schools', set: 'low_results', where: [{ source: 'context', variable: 'egeMean', operator: '>=', value: 1 }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe('Признак «egeMean» не относится к источнику «context»');
    expect(expressionSchema.safeParse({ type: 'share_of_schools', set: 'all', where: [] }).error!.issues[0]!.message).toBe('Формула: нужно хотя бы одно условие');
    expect(expressionSchema.safeParse({ type: 'share_of_schools', set: 'all', where: [{ source: 'entered', variable: 'value', operator: '>', value: 1 }] }).success).toBe(false);
  });

  it('meaning: unknown or self reference, yes/no facts compared as numbers, numbers without a value', () => {
    expect(expressionProblems({ type: 'entered_ratio', numerator: '9', denominator: 'x' }, new Set(['9']), '20')).toEqual(['Формула: нет вводимого показателя с кодом «x»']);
    expect(expressionProblems({ type: 'entered_ratio', numerator: '20' }, new Set(['20']), '20')).toEqual(['Формула: показатель не может ссылаться на себя (20)']);
    expect(
      expressionProblems(
        { type: 'share_of_schools', set: 'all', where: [{ source: 'context', variable: 'hasPsychologist', operator: '>=', value: 1 }, { source: 'context', variable: 'internetMbps', operator: '>=' }] },
        new Set(),
      ),
    ).toEqual(['Условие 1: «есть педагог-психолог — да» — выберите «да» или «нет»', 'Условие 2: укажите число для сравнения']);
    expect(expressionProblems(internet, new Set())).toEqual([]);
  });
});
