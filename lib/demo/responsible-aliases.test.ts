import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_MUNICIPALITIES, DEMO_ORGANISATIONS, RESPONSIBLE_ALIASES, type SeedId } from './data';

// The seeds live beside the repository, like the Moscow data set that the import test reads.
const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

function readSeed(id: SeedId): string {
  const file = readdirSync(SEEDS_DIR).find((name) => name.startsWith(`${id}_`));
  if (!file) throw new Error(`seed ${id} not found in ${SEEDS_DIR}`);
  return readFileSync(SEEDS_DIR + file, 'utf8');
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const words = (text: string) =>
  normalise(text)
    .split(' ')
    .map((word) => word.replace(/^[«»"(),.;:]+|[«»"(),.;:]+$/g, ''))
    .filter((word) => word !== '');

/**
 * True when the words of `phrase` occur in order in `text`, each within a few words of the previous one: seed 000
 * is a table whose cells were interleaved line by line, so one cell's words are spread among its neighbours'.
 */
function containsPhrase(text: readonly string[], phrase: readonly string[], maxGap = 30): boolean {
  return text.some((word, start) => {
    if (word !== phrase[0]) return false;
    let at = start;
    for (const next of phrase.slice(1)) {
      const found = text.slice(at + 1, at + 1 + maxGap).indexOf(next);
      if (found < 0) return false;
      at += 1 + found;
    }
    return true;
  });
}

const knownTexts = new Set(RESPONSIBLE_ALIASES.map((alias) => normalise(alias.text)));

/** The parties of one «Ответственные» cell: comma-separated, or space-separated abbreviations («МОЦ СОИРО»). */
function unknownParties(cell: string): string[] {
  return cell
    .split(',')
    .map(normalise)
    .filter((part) => part !== '' && !knownTexts.has(part))
    .flatMap((part) => part.split(' ').filter((token) => !knownTexts.has(token)));
}

function tableRows(text: string): string[][] {
  return text.split('\n').map((line) => line.split('\t'));
}

/** Seed 001: the plan table (responsible last) and its own «ДОРОЖНАЯ КАРТА» (responsible second). */
function responsibleCellsOf001(): string[] {
  const text = readSeed('001');
  const roadMapStart = text.indexOf('«ДОРОЖНАЯ КАРТА»');
  const plan = tableRows(text.slice(text.indexOf('Основные направления'), roadMapStart))
    .filter((row) => row.length === 4 && /^\d+\.$/.test(row[0] ?? ''))
    .map((row) => row[3] ?? '');
  const roadMap = tableRows(text.slice(roadMapStart))
    .filter((row) => row.length === 4 && row[1] !== 'Ответственный')
    .map((row) => row[1] ?? '');
  return [...plan, ...roadMap];
}

/** Seed 002: numbered rows, responsible last. */
function responsibleCellsOf002(): string[] {
  return tableRows(readSeed('002'))
    .filter((row) => /^\d+\.$/.test(row[0] ?? ''))
    .map((row) => row.at(-1) ?? '');
}

describe('RESPONSIBLE_ALIASES', () => {
  it('lists each string once, ignoring case', () => {
    expect(knownTexts.size).toBe(RESPONSIBLE_ALIASES.length);
  });

  it('quotes every string from the seeds it names', () => {
    for (const alias of RESPONSIBLE_ALIASES) {
      for (const seed of alias.seeds) {
        expect(containsPhrase(words(readSeed(seed)), words(alias.text)), `${alias.text} in ${seed}`).toBe(true);
      }
    }
  });

  it('covers every responsible party of seeds 001 and 002', () => {
    const cells001 = responsibleCellsOf001();
    const cells002 = responsibleCellsOf002();
    expect(cells001.length).toBeGreaterThanOrEqual(40);
    expect(cells002.length).toBe(30);
    expect([...cells001, ...cells002].flatMap(unknownParties)).toEqual([]);
  });

  it('maps every organisation alias to a party that a demo organisation plays', () => {
    const played = new Set(DEMO_ORGANISATIONS.map((organisation) => organisation.party));
    for (const alias of RESPONSIBLE_ALIASES) {
      if (alias.meaning.type === 'organisation') expect(played.has(alias.meaning.party), alias.text).toBe(true);
    }
  });

  it('resolves a party to at most one organisation at each level', () => {
    const levels = [null, ...DEMO_MUNICIPALITIES.map((municipality) => municipality.key)];
    for (const level of levels) {
      const parties = DEMO_ORGANISATIONS.filter((organisation) => organisation.municipalityKey === level).map(
        (organisation) => organisation.party,
      );
      expect(new Set(parties).size, String(level)).toBe(parties.length);
    }
  });

  it('lists the seed strings of its party among each organisation’s aliases, after its own names', () => {
    const umc = DEMO_ORGANISATIONS.find((organisation) => organisation.key === 'ber-umc');
    expect(umc?.aliases[0]).toBe('МКУ «УМЦ Берёзовского района»');
    expect(umc?.aliases).toContain('УМЦ');
    for (const organisation of DEMO_ORGANISATIONS) {
      expect(new Set(organisation.aliases).size, organisation.key).toBe(organisation.aliases.length);
    }
  });
});
