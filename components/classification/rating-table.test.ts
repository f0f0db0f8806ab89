import { describe, expect, it } from 'vitest';
import { classify } from '@/lib/classification/classify';
import { DEMO_YEAR, demoContexts, demoResults, demoSchools } from '@/lib/classification/fixtures/demo-district';
import { DEFAULT_METHODOLOGY } from '@/lib/classification/methodology';
import { insufficientReason, municipalRatingView } from './rating-table';

// The hand-made district plus a twin of s01 (same results: a shared place) and a school without any result.
const twin = { ...demoSchools[0]!, id: 'twin', name: 'Школа-двойник' };
const empty = { ...demoSchools[0]!, id: 'empty', name: 'Школа без результатов' };
const result = classify({
  year: DEMO_YEAR,
  schools: [...demoSchools, twin, empty],
  results: [...demoResults, ...demoResults.filter((r) => r.schoolId === 's01').map((r) => ({ ...r, schoolId: 'twin' }))],
  contexts: demoContexts,
  methodology: DEFAULT_METHODOLOGY,
});
const municipalityId = demoSchools[0]!.municipalityId;
const engine = result.ratings.find((r) => r.municipalityId === municipalityId)!;
const view = municipalRatingView('run-1', result.schools, municipalityId);

describe('municipal rating view', () => {
  it('lists the ranked schools in the engine order with its place labels and scores', () => {
    expect(view.rows.map((r) => [r.rank, r.score])).toEqual(engine.ranked.map((e) => [`${e.rankLabel} из ${engine.ranked.length}`, e.score]));
    expect(view.rows.map((r) => r.name).sort()).toEqual(engine.ranked.map((e) => e.name).sort());
  });

  it('shows the twins on one shared place and names the tie', () => {
    const twins = view.rows.filter((r) => r.name === twin.name || r.name === demoSchools[0]!.name);
    expect(twins).toHaveLength(2);
    expect(twins[0]!.rank).toMatch(/^\d+–\d+ из \d+$/);
    expect(twins[1]!.rank).toBe(twins[0]!.rank);
    expect(twins.every((r) => r.tie === 'Равный балл: место делится')).toBe(true);
    expect(view.ties).toContain(String(twins[0]!.rank).replace(/ из \d+$/, ''));
  });

  it('counts the run’s ranked schools in «из N», whatever rows the viewer sees', () => {
    const first = result.schools.find((s) => s.municipalityId === municipalityId && s.rating !== null)!;
    const own = municipalRatingView('run-1', [first], municipalityId);
    expect(own.rows.map((r) => r.rank)).toEqual([`${first.rating!.rankLabel} из ${engine.ranked.length}`]);
    expect(engine.ranked.length).toBeGreaterThan(1);
    // A run stored before the count was kept: the place alone rather than a count of the visible rows.
    const stored = { ...first, rating: { rank: first.rating!.rank, rankLabel: first.rating!.rankLabel, score: first.rating!.score } };
    expect(municipalRatingView('run-1', [stored], municipalityId).rows[0]!.rank).toBe(first.rating!.rankLabel);
  });

  it('lists the schools without a rating apart (as the engine does), with links to their cards', () => {
    expect(view.insufficient.map((s) => s.schoolId).sort()).toEqual(engine.insufficientData.map((s) => s.schoolId).sort());
    expect(view.insufficient).toContainEqual({ schoolId: 'empty', name: empty.name, href: '/classification/runs/run-1/schools/empty' });
    expect(view.rows.some((r) => r.name === empty.name)).toBe(false);
    expect(insufficientReason(DEFAULT_METHODOLOGY)).toContain('не меньше 5 участников');
  });
});
