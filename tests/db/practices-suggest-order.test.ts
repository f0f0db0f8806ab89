/**
 * The suggestion query pre-selects at most 100 candidates before scoring them: with more matching practices than
 * that, the pre-selection itself must keep the stronger evidence (by its rank on the scale, not alphabetically).
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { practices } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import { suggestionsIn } from '@/lib/practices/suggest-query';
import { createWorld, type World } from './fixtures';

let world: World;
let risk: string;

beforeAll(async () => {
  world = await createWorld();
  risk = `Риск для проверки отбора ${randomUUID()}`;
  const row = (title: string, evidenceLevel: 'experience' | 'comparison' | 'replicated', publishedAt: Date) => ({
    regionId: world.region.id,
    municipalityId: world.munA.id,
    schoolId: world.schoolA.id,
    title,
    summary: title,
    riskFactors: [risk],
    evidenceLevel,
    status: 'published' as const,
    publishedAt,
  });
  // 110 described experiences published last, then one practice compared with similar schools published first:
  // alphabetically «experience» sorts above «comparison» and the newest come first, so a text sort would cut it.
  await getDb().insert(practices).values([
    row('Сравнённая практика', 'comparison', new Date('2026-01-01')),
    ...Array.from({ length: 110 }, (_, i) => row(`Описание опыта ${i + 1}`, 'experience', new Date(`2026-06-${String((i % 28) + 1).padStart(2, '0')}`))),
  ]);
});

describe('suggestion pre-selection', () => {
  it('keeps a practice with stronger evidence among more than 100 that address the same risk', async () => {
    const suggestions = await suggestionsIn(getDb(), world.region.id, world.schoolB.id, { riskFactors: [risk], cluster: null });
    expect(suggestions).toHaveLength(5);
    expect(suggestions[0]!.title).toBe('Сравнённая практика');
  });
});
