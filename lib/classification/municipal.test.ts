import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { readForRegion, reportedSchools } from './dataset';
import { inputDigest } from './digest';
import { DEFAULT_METHODOLOGY } from './methodology';
import { generateDataset } from './synthetic';

// A region of 8 municipalities: the social index, clusters and partners of a municipality's run are the region's.
const region = { year: 2026, ...generateDataset({ municipalities: 8, schoolsPerMunicipality: 20, years: [2024, 2025, 2026], seed: 11 }), methodology: DEFAULT_METHODOLOGY };
const municipalityId = region.schools[0]!.municipalityId;
const inMunicipality = (s: { municipalityId: string }) => s.municipalityId === municipalityId;

describe('a municipal run', () => {
  const whole = classify(region);
  const municipal = classify({ ...region, municipalityId });

  it('reports the municipality’s schools exactly as the region’s run decides and explains them', () => {
    expect(municipal.schools.length).toBe(20);
    expect(reportedSchools({ ...region, municipalityId })).toHaveLength(20);
    expect(municipal.schools).toEqual(whole.schools.filter(inMunicipality));
    expect(municipal.ratings).toEqual(whole.ratings.filter(inMunicipality));
    expect(municipal.social).toEqual(whole.social);
  });

  it('counts only its schools, and its digest names its scope', () => {
    const tally = Object.fromEntries(Object.keys(municipal.counts).map((c) => [c, municipal.schools.filter((s) => s.category === c).length]));
    expect(municipal.counts).toEqual(tally);
    expect(municipal.inputDigest).not.toBe(whole.inputDigest);
    expect(classify({ ...region, municipalityId }).inputDigest).toBe(municipal.inputDigest);
  });

  it('differs from classifying the municipality on its own data: standardisation within the region matters', () => {
    const alone = classify({ ...region, schools: region.schools.filter(inMunicipality) });
    const index = (r: typeof whole) => r.schools.map((s) => s.social.index);
    expect(index(alone)).not.toEqual(index(municipal));
  });

  it('may suggest partners from other municipalities of the region', () => {
    const partners = municipal.schools.flatMap((s) => s.partners);
    expect(partners.length).toBeGreaterThan(0);
    expect(partners.some((p) => p.municipalityId !== municipalityId)).toBe(true);
  });

  it('reads of the other schools only the classified year and last year’s ВПР: their other rows change nothing', () => {
    const ours = new Set(region.schools.filter(inMunicipality).map((s) => s.id));
    const pruned = region.results.filter((r) => ours.has(r.schoolId) || readForRegion(2026, r));
    expect(region.results.length - pruned.length).toBeGreaterThan(1000);
    const lean = classify({ ...region, results: pruned, municipalityId });
    expect(lean.schools).toEqual(municipal.schools);
    expect(lean.ratings).toEqual(municipal.ratings);
    expect(inputDigest({ ...region, results: pruned, municipalityId })).toBe(municipal.inputDigest);
    // Our own earlier rows are read: stability depends on them.
    const withoutOurPast = region.results.filter((r) => !ours.has(r.schoolId) || r.year === 2026);
    expect(inputDigest({ ...region, results: withoutOurPast, municipalityId })).not.toBe(municipal.inputDigest);
  });
});
