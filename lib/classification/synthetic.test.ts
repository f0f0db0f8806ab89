import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { DEFAULT_METHODOLOGY } from './methodology';
import { generateDataset } from './synthetic';

describe('synthetic dataset', () => {
  it('is deterministic for a seed and different for another', () => {
    const options = { municipalities: 2, schoolsPerMunicipality: 5, years: [2025, 2026] };
    expect(generateDataset({ ...options, seed: 1 })).toEqual(generateDataset({ ...options, seed: 1 }));
    expect(generateDataset({ ...options, seed: 1 })).not.toEqual(generateDataset({ ...options, seed: 2 }));
  });

  it('classifies a generated region with results in several categories', () => {
    const data = generateDataset({ municipalities: 5, schoolsPerMunicipality: 12, years: [2024, 2025, 2026], seed: 3 });
    const result = classify({ year: 2026, ...data, methodology: DEFAULT_METHODOLOGY });
    expect(result.schools).toHaveLength(60);
    const present = Object.entries(result.counts).filter(([, n]) => n > 0).map(([c]) => c);
    expect(present.length).toBeGreaterThanOrEqual(4);
    expect(result.schools.filter((s) => s.lowResults.decision === 'yes').every((s) => s.exit !== null)).toBe(true);
  });
});
