import { fictionalise } from './fictional';
import type { ResponsibleAlias, ResponsibleParty } from './types';

/**
 * Every distinct responsible party named in the «Ответственные» columns of seeds 000, 001 and 002, after cells
 * are split on commas, line breaks and spaces between abbreviations («МОЦ СОИРО», «УО ОО»). Whitespace is
 * collapsed; matching is meant to be case-insensitive («Образовательные организации» = «образовательные
 * организации»). Generic names (УО, МОУО, УМЦ…) resolve to the organisation of that party in the road map's
 * municipality first, then at the regional level. Names of real districts and regions in the seeds (Межевской
 * район, НСО, Смоленская область) stand for their counterparts in whatever region the portal serves.
 */
export const RESPONSIBLE_ALIASES: readonly ResponsibleAlias[] = [
  // Regional bodies.
  { text: 'Минобразования НСО', seeds: ['001'], meaning: { type: 'organisation', party: 'regional_ministry' } },
  // Seed 002: «Департамент Смоленской области по образованию и науке».
  { text: 'Департамент', seeds: ['002'], meaning: { type: 'organisation', party: 'regional_ministry' } },
  {
    text: 'Минрегион НСО',
    seeds: ['001'],
    meaning: { type: 'organisation', party: 'regional_development_ministry' },
  },
  { text: 'СОИРО', seeds: ['002'], meaning: { type: 'organisation', party: 'regional_institute' } },

  // Municipal bodies.
  { text: 'МОУО', seeds: ['001'], meaning: { type: 'organisation', party: 'education_department' } },
  { text: 'УО', seeds: ['001'], meaning: { type: 'organisation', party: 'education_department' } },
  { text: 'отдел образования', seeds: ['000'], meaning: { type: 'organisation', party: 'education_department' } },
  {
    text: 'отдел образования администрации Межевского муниципального района',
    seeds: ['000'],
    meaning: { type: 'organisation', party: 'education_department' },
  },
  {
    text: 'Отдел образования Межевского муниципального района',
    seeds: ['000'],
    meaning: { type: 'organisation', party: 'education_department' },
  },
  { text: 'ОМСУ', seeds: ['002'], meaning: { type: 'organisation', party: 'local_government' } },
  {
    text: 'органы местного самоуправления',
    seeds: ['001'],
    meaning: { type: 'organisation', party: 'local_government' },
  },
  { text: 'УМЦ', seeds: ['001'], meaning: { type: 'organisation', party: 'methodical_center' } },
  { text: 'РМС', seeds: ['000'], meaning: { type: 'organisation', party: 'methodical_council' } },
  // Seed 000 explains РМС in brackets, with a hyphenation artefact left by the document's conversion.
  {
    text: 'районный методическ ий совет',
    seeds: ['000'],
    meaning: { type: 'organisation', party: 'methodical_council' },
  },
  { text: 'МОЦ', seeds: ['002'], meaning: { type: 'organisation', party: 'municipal_education_centre' } },
  { text: 'УДОД', seeds: ['001'], meaning: { type: 'organisation', party: 'additional_education' } },

  // The schools themselves and their heads.
  { text: 'ОО', seeds: ['001', '002'], meaning: { type: 'schools' } },
  { text: 'образовательные организации', seeds: ['000'], meaning: { type: 'schools' } },
  { text: 'Директора школ', seeds: ['000'], meaning: { type: 'school_heads' } },
  { text: 'руководители ОО', seeds: ['000'], meaning: { type: 'school_heads' } },
  { text: 'Руководители образовательных организаций', seeds: ['000'], meaning: { type: 'school_heads' } },

  // Named people (seed 001's own road map has a column «Ответственный» with people only).
  { text: 'Скворцова В.А', seeds: ['000'], meaning: { type: 'person' } },
  { text: 'Медведкин П.Л.', seeds: ['001'], meaning: { type: 'person' } },
  { text: 'Лаврентьева С.А.', seeds: ['001'], meaning: { type: 'person' } },
  { text: 'Лагода М.И.', seeds: ['001'], meaning: { type: 'person' } },
  { text: 'Гундарев А.Б.', seeds: ['001'], meaning: { type: 'person' } },
  { text: 'Ляхова Л.Н.', seeds: ['001'], meaning: { type: 'person' } },
];

/**
 * The generic seed strings that stand for `party`, in table order, as the fictional demo region writes them
 * (the demo road maps pass through the same `fictionalise`, so they still match).
 */
export function seedAliasesFor(party: ResponsibleParty): string[] {
  const texts = RESPONSIBLE_ALIASES.filter(
    (alias) => alias.meaning.type === 'organisation' && alias.meaning.party === party,
  ).map((alias) => fictionalise(alias.text));
  return [...new Set(texts)];
}
