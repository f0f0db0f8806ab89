import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { reportedSchools } from './dataset';
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
});
