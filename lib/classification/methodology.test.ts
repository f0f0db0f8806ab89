import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { DEFAULT_METHODOLOGY, parseMethodology } from './methodology';

function issuesOf(input: unknown) {
  try {
    parseMethodology(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).issues;
  }
  throw new Error('expected a validation error');
}

describe('methodology', () => {
  it('accepts the defaults stated in seeds 004 and 002', () => {
    const m = parseMethodology(structuredClone(DEFAULT_METHODOLOGY));
    expect(m.r1.gapPoints).toBe(20);
    expect(m.r3).toEqual({ twoSharePercent: 30, minProcedures: 2, consecutiveYears: true });
    expect(m.weights).toEqual({ R1: 2, R2: 1, R3: 2, R4: 1, R5: 1 });
    expect(m.hardFactors).toEqual({ distanceKmOver: 50, vacancySharePercentOver: 10, internetMbpsUnder: 1, minCount: 2 });
    expect(m.minParticipants).toBe(5);
  });

  it('names the field in Russian for every problem', () => {
    const bad = structuredClone(DEFAULT_METHODOLOGY);
    bad.r4.minContinuationPercent = 120;
    bad.minParticipants = 2.5;
    bad.judged = [];
    bad.stable.minYears = 5;
    Reflect.deleteProperty(bad, 'r1');
    const issues = issuesOf(bad);
    const byField = Object.fromEntries(issues.map((i) => [i.field, i.message]));
    expect(byField['r4.minContinuationPercent']).toBe('Поле «R4: доля перешедших в 10 класс»: значение не может быть больше 100%.');
    expect(byField['minParticipants']).toBe('Поле «минимальное число участников»: укажите целое число.');
    expect(byField['judged']).toContain('выберите хотя бы один предмет');
    expect(byField['r1']).toMatch(/^Поле «r1»: /);
    for (const issue of issues) expect(issue.message).toMatch(/^Поле «/);
  });

  it('rejects a duplicated subject and a threshold of zero', () => {
    const bad = structuredClone(DEFAULT_METHODOLOGY);
    bad.judged.push({ exam: 'EGE', subject: 'russian' });
    bad.lowResultsThreshold = 0;
    const fields = issuesOf(bad).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['judged', 'lowResultsThreshold']));
  });
});
