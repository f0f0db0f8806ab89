import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organisations } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import { ruOrder } from '@/lib/db/collation';
import { compareRussian } from '@/lib/format/ru';
import { createWorld } from './fixtures';

describe('Russian collation', () => {
  it('sorts Russian names alphabetically (ICU), the same on PGlite and PostgreSQL', async () => {
    const world = await createWorld();
    const names = ['Яблоновская ООШ', 'ёлкинская СОШ', 'Елецкая СОШ', 'Абрамовская ООШ', 'Жуковская СОШ', 'Ёмская школа', 'Zeta School'];
    const db = getDb();
    const ids: string[] = [];
    for (const name of names) {
      const [row] = await db
        .insert(organisations)
        .values({ kind: 'other', name, parentId: world.region.id, regionId: world.region.id })
        .returning({ id: organisations.id });
      ids.push(row!.id);
    }
    const sorted = await db
      .select({ name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, ids))
      .orderBy(ruOrder(organisations.name));
    expect(sorted.map((r) => r.name)).toEqual([
      'Zeta School',
      'Абрамовская ООШ',
      'Елецкая СОШ',
      'ёлкинская СОШ',
      'Ёмская школа',
      'Жуковская СОШ',
      'Яблоновская ООШ',
    ]);
  });

  it('puts numbers inside names in numeric order, like compareRussian («СОШ № 3» before «СОШ № 11»)', async () => {
    const world = await createWorld();
    const names = ['МБОУ «СОШ № 11»', 'МБОУ «СОШ № 3»', 'МБОУ «СОШ № 2»', 'МБОУ «Гимназия № 1»'];
    const db = getDb();
    const rows = await db
      .insert(organisations)
      .values(names.map((name) => ({ kind: 'other' as const, name, parentId: world.region.id, regionId: world.region.id })))
      .returning({ id: organisations.id });
    const sorted = await db
      .select({ name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, rows.map((r) => r.id)))
      .orderBy(ruOrder(organisations.name));
    expect(sorted.map((r) => r.name)).toEqual(['МБОУ «Гимназия № 1»', 'МБОУ «СОШ № 2»', 'МБОУ «СОШ № 3»', 'МБОУ «СОШ № 11»']);
    expect(sorted.map((r) => r.name)).toEqual([...names].sort(compareRussian));
  });
});
