import { describe, expect, it } from 'vitest';
import { readFixture } from '@/tests/fixtures/roadmaps/load';
import { SEED_000_TSV, SEED_001_DIRECTIONS_TSV, SEED_001_ROADMAP_TSV, SEED_002_TSV } from './tables';

describe('demo seed tables', () => {
  it.each([
    ['seed-000.tsv', SEED_000_TSV],
    ['seed-001-directions.tsv', SEED_001_DIRECTIONS_TSV],
    ['seed-001-roadmap.tsv', SEED_001_ROADMAP_TSV],
    ['seed-002.tsv', SEED_002_TSV],
  ])('%s is copied exactly', (fileName, text) => {
    expect(text).toBe(readFixture(fileName));
  });
});
