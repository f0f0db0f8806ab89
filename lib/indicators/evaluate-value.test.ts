import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type SchoolFacts } from './expression';
import type { IndicatorExpression } from './schemas';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const schoolArb: fc.Arbitrary<SchoolFacts> = fc.record({
  schoolId: fc.uuid(),
  name: fc.constant('Школа'),
  municipalityId: fc.constant('m'),
  category: fc.constantFrom(null, 'low_results', 'unfavourable', 'both', 'resilient', 'none'),
  context: maybe(fc.record({ internetMbps: maybe(fc.double({ min: 0, max: 50, noNaN: true })), hasPsychologist: maybe(fc.boolean()), pupils: maybe(fc.integer({ min: 0, max: 900 })) })),
  results: maybe(fc.record({ egeBelowMinimum: maybe(fc.integer({ min: 0, max: 3 })), ogeMarks2: maybe(fc.integer({ min: 0, max: 3 })) })),
  roadmap: maybe(fc.record({ approved: fc.boolean(), onTimeShare: maybe(fc.double({ min: 0, max: 100, noNaN: true })), overdueItems: fc.integer({ min: 0, max: 4 }) })),
  entered: fc.record({
    A: fc.record({ value: fc.integer({ min: 0, max: 100 }), numerator: maybe(fc.integer({ min: 0, max: 10 })), denominator: maybe(fc.integer({ min: 1, max: 10 })) }),
    B: fc.record({ value: fc.integer({ min: 1, max: 100 }), numerator: fc.constant(null), denominator: fc.constant(null) }),
  }, { requiredKeys: [] }),
}) as fc.Arbitrary<SchoolFacts>;

const EXPRESSIONS: IndicatorExpression[] = [
  { type: 'share_of_schools', set: 'low_results', where: [{ source: 'context', variable: 'internetMbps', operator: '>=', value: 1 }] },
  { type: 'share_of_schools', set: 'all', where: [{ source: 'context', variable: 'hasPsychologist', operator: 'is_true' }, { source: 'results', variable: 'egeBelowMinimum', operator: '=', value: 0 }] },
  { type: 'share_of_schools', set: 'unfavourable', where: [{ source: 'roadmap', variable: 'approved', operator: 'is_true' }, { source: 'entered', variable: 'value', code: 'A', operator: '>', value: 50 }] },
  { type: 'mean_of_schools', set: 'all', of: { source: 'context', variable: 'pupils' } },
  { type: 'mean_of_schools', set: 'resilient', of: { source: 'entered', variable: 'value', code: 'A' } },
  { type: 'entered_ratio', numerator: 'A' },
  { type: 'entered_ratio', numerator: 'A', denominator: 'B' },
];

describe('evaluation without the trace', () => {
  it('gives exactly the value, numerator and denominator of the traced evaluation', () => {
    fc.assert(
      fc.property(fc.array(schoolArb, { maxLength: 12 }), fc.constantFrom(...EXPRESSIONS), fc.constantFrom('percent' as const, 'number' as const), (schools, expression, unit) => {
        const full = evaluate(expression, unit, schools);
        const quick = evaluate(expression, unit, schools, { trace: false });
        expect({ value: quick.value, numerator: quick.numerator, denominator: quick.denominator }).toEqual({ value: full.value, numerator: full.numerator, denominator: full.denominator });
        expect(quick.trace).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
