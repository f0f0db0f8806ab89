/**
 * The hand-made district (fixtures/demo-district.ts), answers worked out by hand:
 *
 * Municipal means 2026 (participant-weighted, schools with ≥ 5 participants; s06 has 3 in ЕГЭ and 4 in ОГЭ):
 * - ЕГЭ математика: (72·30 + 64·25 + 38·20 + 58·20 + 66·15 + 45·10 + 68·10) / 130 = 7800 / 130 = 60.
 * - ЕГЭ русский: 9230 / 130 = 71.
 * - ОГЭ математика (% of 31): (70·40 + 65·35 + 50·30 + 60·30 + 68·20 + 64·10 + 36·15 + 66·12 + 52·8) / 200 = 60.615.
 * - ОГЭ русский (% of 37): 13479 / 200 = 67.395.
 *
 * Rules 2026: s03 — R1 (ЕГЭ математика 38, gap 22 > 20), R2 (2 below 27), R5 (4 of 1800 pupils = 0.22%) → 4 ≥ 2.
 * s08 — R1 (ОГЭ математика 36%, gap 24.6), R2 (3 «2» in ОГЭ), R3 (ВПР математика 5 кл. 35% in 2025 and 2026),
 * R4 (45% < 60%), R5 (0 olympiads) → 7. s10 — only R2 (1 «2» of 8) → 1 < 2; R3 has one procedure at exactly 30%
 * (one is not two, and 2025 was 20%); R4 is exactly 60% (does not fire); R5 1 of 180 = 0.56%.
 * s06 — R1, R2, R3 without data (weights 5 could reach 2) → insufficient data.
 *
 * Social index: every variable is monotone in L, so s01 < … < s10. Quarter: ceil(10/4) = 3 → s08, s09, s10
 * are ШНСУ; s10 also has all 3 hard factors (56 km, vacancies 15%, internet 0,5), s09 only 1 (internet 0,8; distance is
 * exactly 50 km, which is not «more than 50»). Clusters of two: {s01,s02}=1 … {s09,s10}=5.
 *
 * Categories: s03 low_results; s08 both; s10 unfavourable (ОГЭ below the mean by 8.6 and 9.4);
 * s09 resilient (ШНСУ, results above the mean); s07 resilient (cluster 4, ОГЭ +3.4 and +0.6); s06
 * insufficient data; s01, s02, s04, s05 none.
 *
 * Partners: top quarter by judged-subject mean — ЕГЭ (7 schools, top 2): s01 75, s05 71; ОГЭ (9 schools, top
 * 3): s01 72.5, s05 70, s09 68. For s03 (cluster 2, 14 km): clusters 1–3 → s01 (|14−2| = 12, strength 73.75)
 * and s05 (|14−26| = 12, strength 70.5): equal distance, so the stronger s01 first. For s08 (cluster 4,
 * 44 km): clusters 3–5 → s09 (|44−50| = 6) before s05 (|44−26| = 18).
 *
 * Exit: s03 has 4, needs < 2 → remove ≥ 3: {R1,R2} or {R1,R5}; R2 is the smaller change (2 of 20 vs 5 of 9
 * olympiad participants). R1 needs (22 − 20) / (1 − 20/130) = 2.36 → +2,4 балла. s08 has 7 → remove ≥ 6 with
 * four rules: R1 + R3 + two of {R2 (3/15), R4 (15/60), R5 (3/3)} → R2 and R4.
 * Stability: s03 was not ШНОР in 2024 (ЕГЭ математика 50), ШНОР in 2025 and 2026 → stable; s08 in all three.
 */
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { DEMO_YEAR, demoContexts, demoResults, demoSchools } from './fixtures/demo-district';
import { DEFAULT_METHODOLOGY } from './methodology';

const result = classify({ year: DEMO_YEAR, schools: demoSchools, results: demoResults, contexts: demoContexts, methodology: DEFAULT_METHODOLOGY });
const byId = new Map(result.schools.map((s) => [s.schoolId, s]));
const get = (id: string) => byId.get(id)!;

describe('hand-made district', () => {
  it('puts every school in the category worked out by hand', () => {
    expect(Object.fromEntries(result.schools.map((s) => [s.schoolId, s.category]))).toEqual({
      s01: 'none',
      s02: 'none',
      s03: 'low_results',
      s04: 'none',
      s05: 'none',
      s06: 'insufficient_data',
      s07: 'resilient',
      s08: 'both',
      s09: 'resilient',
      s10: 'unfavourable',
    });
    expect(result.counts).toEqual({ low_results: 1, unfavourable: 1, both: 1, resilient: 2, none: 4, insufficient_data: 1 });
  });

  it('fires the rules worked out by hand', () => {
    const fired = (id: string) => get(id).rules.filter((r) => r.status === 'fired').map((r) => r.rule);
    expect(fired('s03')).toEqual(['R1', 'R2', 'R5']);
    expect(fired('s08')).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    expect(fired('s10')).toEqual(['R2']);
    expect(get('s06').rules.map((r) => r.status)).toEqual(['insufficient_data', 'insufficient_data', 'insufficient_data', 'not_fired', 'not_fired']);
    expect(get('s03').rules[0]!.reference).toBeCloseTo(60, 9);
    expect(get('s08').rules[0]!.reference).toBeCloseTo(60.615, 9);
    expect(get('s03').lowResults.score).toBe(4);
    expect(get('s08').lowResults.score).toBe(7);
  });

  it('finds ШНСУ, clusters and hard factors as worked out by hand', () => {
    expect(result.schools.map((s) => s.cluster)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(result.schools.filter((s) => s.unfavourable.decision === 'yes').map((s) => s.schoolId)).toEqual(['s08', 's09', 's10']);
    const indices = result.schools.map((s) => s.social.index!);
    expect([...indices].sort((a, b) => a - b)).toEqual(indices);
    expect(get('s10').social.hardFactors.filter((f) => f.applies).map((f) => f.factor)).toEqual(['distance', 'vacancies', 'internet']);
    expect(get('s09').social.hardFactors.filter((f) => f.applies).map((f) => f.factor)).toEqual(['internet']);
    expect(get('s09').social.hardFactors.find((f) => f.factor === 'distance')!.applies).toBe(false);
  });

  it('suggests the partners worked out by hand', () => {
    expect(get('s03').partners.map((p) => p.schoolId)).toEqual(['s01', 's05']);
    expect(get('s08').partners.map((p) => p.schoolId)).toEqual(['s09', 's05']);
    expect(get('s08').partners[0]!.reason).toContain('соседняя социальная группа (кластер 5)');
    expect(result.schools.filter((s) => s.lowResults.decision !== 'yes').every((s) => s.partners.length === 0)).toBe(true);
  });

  it('gives the distance to exit worked out by hand', () => {
    expect(get('s03').exit!.steps.map((s) => s.rule)).toEqual(['R1', 'R2']);
    expect(get('s03').exit!.steps[0]!.change).toBe('+2,4 балла к среднему баллу ЕГЭ по математике (профиль)');
    expect(get('s08').exit!.steps.map((s) => s.rule)).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(get('s08').exit!.steps[3]!.change).toBe('доля перешедших в 10 класс ≥ 60% (сейчас 45%)');
    expect(get('s10').exit).toBeNull();
  });

  it('judges stability over the last three years', () => {
    expect(get('s03').stable.decision).toBe('yes');
    expect(get('s03').stable.years.map((y) => [y.year, y.decision])).toEqual([[2026, 'yes'], [2025, 'yes'], [2024, 'no']]);
    expect(get('s08').stable.decision).toBe('yes');
    expect(get('s10').stable.decision).toBe('no');
    expect(get('s06').stable.decision).toBe('insufficient_data');
  });

  it('maps context and rules to the ФИОКО risk profile', () => {
    const factors = get('s10').riskProfile.map((f) => f.factor);
    expect(factors).toContain('Дефицит педагогических кадров');
    expect(factors).toContain('Низкий уровень оснащения школы');
    expect(factors).toContain('Высокая доля обучающихся с рисками учебной неуспешности');
    expect(get('s01').riskProfile).toEqual([]);
  });

  it('ranks the municipality and lists schools without data apart', () => {
    const [rating] = result.ratings;
    expect(rating!.ranked.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rating!.ranked[0]!.schoolId).toBe('s01');
    expect(rating!.insufficientData.map((s) => s.schoolId)).toEqual(['s06']);
  });
});
