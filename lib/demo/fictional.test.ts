import { describe, expect, it } from 'vitest';
import { SEED_000_TSV, SEED_001_DIRECTIONS_TSV, SEED_001_ROADMAP_TSV, SEED_002_TSV } from '@/lib/roadmaps/demo/tables';
import { DEMO_DATA } from './data';
import { fictionalise, realNamesIn } from './fictional';

const TABLES = [SEED_000_TSV, SEED_001_DIRECTIONS_TSV, SEED_001_ROADMAP_TSV, SEED_002_TSV];

describe('fictional demo text', () => {
  it('finds the real names the seeds carry, and none after fictionalising', () => {
    const real = new Set(TABLES.flatMap(realNamesIn));
    expect([...real].sort()).toEqual(expect.arrayContaining(['Межевск', 'Смоленск', 'Скворцова', 'Лаврентьева', 'СОИРО', 'НСО']));
    for (const table of TABLES) expect(realNamesIn(fictionalise(table))).toEqual([]);
  });

  it('keeps grammatical endings and whole words', () => {
    expect(fictionalise('Отдел образования Межевского муниципального района')).toBe('Отдел образования Берёзовского муниципального района');
    expect(fictionalise('в муниципальных образованиях Смоленской области')).toBe('в муниципальных образованиях Заречной области');
    expect(fictionalise('Минобразования НСО, МОЦ СОИРО')).toBe('Минобразования ЗО, МОЦ ЗОИРО');
    expect(fictionalise('"Скворцова В.А\nОтдел образования"')).toBe('"Ершова В.А.\nОтдел образования"');
    expect(fictionalise('АНСОР')).toBe('АНСОР');
  });

  it('gives the demo organisations only fictional names and aliases', () => {
    const texts = [...DEMO_DATA.organisations.flatMap((o) => [o.fullName, o.shortName, ...o.aliases]), ...DEMO_DATA.schools.flatMap((s) => [s.fullName, s.address])];
    expect(texts.flatMap(realNamesIn)).toEqual([]);
    // Aliases are written for the fictional region already, each once.
    for (const o of DEMO_DATA.organisations) {
      expect(o.aliases.map(fictionalise)).toEqual(o.aliases);
      expect(new Set(o.aliases).size).toBe(o.aliases.length);
    }
  });
});
