/**
 * Recognises the organisation behind a responsible party as written («УО», «МКУ «УМЦ Берёзовского района»»,
 * «РМС (районный методический совет)»). Names are compared case- and ё-insensitively, ignoring quotes, spaces
 * and trailing dots, against each organisation's name, short name and `aliases`. Generic names (УО, УМЦ, ОО…)
 * are carried by the organisation of that kind in every municipality, so a match in the road map's own
 * municipality wins, then a regional one (no municipality) in its region; elsewhere only a single match counts.
 * Text in brackets is tried without the brackets too. Pure: the caller loads the candidates.
 */
import { splitResponsible } from './table/responsible';

export interface OrganisationCandidate {
  id: string;
  name: string;
  shortName: string | null;
  aliases: readonly string[];
  regionId: string | null;
  municipalityId: string | null;
}

export interface MatchContext {
  regionId: string | null;
  municipalityId: string | null;
}

export interface RecognisedResponsible {
  name: string;
  organisationId: string | null;
}

export function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»“”„"']/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:]+$/, '');
}

/** Index of organisations by every name key they carry. */
export function buildNameIndex(candidates: readonly OrganisationCandidate[]): Map<string, OrganisationCandidate[]> {
  const index = new Map<string, OrganisationCandidate[]>();
  for (const candidate of candidates) {
    const keys = new Set([candidate.name, candidate.shortName ?? '', ...candidate.aliases].map(nameKey).filter(Boolean));
    for (const key of keys) index.set(key, [...(index.get(key) ?? []), candidate]);
  }
  return index;
}

function pick(matches: readonly OrganisationCandidate[], context: MatchContext): OrganisationCandidate | null {
  if (matches.length === 0) return null;
  const local = context.municipalityId ? matches.filter((m) => m.municipalityId === context.municipalityId) : [];
  if (local.length === 1) return local[0]!;
  const regional = matches.filter((m) => m.municipalityId === null && m.regionId === context.regionId);
  if (local.length === 0 && regional.length === 1) return regional[0]!;
  return matches.length === 1 && local.length === 0 ? matches[0]! : null;
}

/** The organisation a single party name stands for, or null when none or several equally fit. */
export function matchOrganisation(
  name: string,
  index: ReadonlyMap<string, OrganisationCandidate[]>,
  context: MatchContext,
): OrganisationCandidate | null {
  const bare = name.replace(/\([^)]*\)/g, ' ');
  const inside = /\(([^)]*)\)/.exec(name)?.[1] ?? '';
  for (const variant of [name, bare, inside]) {
    const found = pick(index.get(nameKey(variant)) ?? [], context);
    if (found) return found;
  }
  return null;
}

/** «Ответственные» as written → each party with its organisation when recognised. */
export function recogniseResponsibles(
  text: string,
  index: ReadonlyMap<string, OrganisationCandidate[]>,
  context: MatchContext,
): RecognisedResponsible[] {
  return splitResponsible(text).map((name) => ({ name, organisationId: matchOrganisation(name, index, context)?.id ?? null }));
}
