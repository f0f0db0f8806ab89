import { describe, expect, it } from 'vitest';
import { buildNameIndex, matchOrganisation, nameKey, recogniseResponsibles, type OrganisationCandidate } from './responsible-match';

const region = 'region';
const ber = 'ber';
const svet = 'svet';
const org = (id: string, name: string, municipalityId: string | null, aliases: string[] = [], shortName: string | null = null): OrganisationCandidate => ({
  id,
  name,
  shortName,
  aliases,
  regionId: region,
  municipalityId,
});

const candidates = [
  org('ber-uo', 'Управление образования администрации Берёзовского района', ber, ['УО', 'МОУО', 'отдел образования'], 'УО Берёзовского района'),
  org('svet-uo', 'Управление образования г. Светлогорска', svet, ['УО', 'МОУО']),
  org('ber-umc', 'МКУ «Учебно-методический центр»', ber, ['УМЦ'], 'МКУ «УМЦ Берёзовского района»'),
  org('ber-rms', 'Районный методический совет', ber, ['РМС', 'районный методический совет']),
  org('zoiro', 'Заречный областной институт развития образования', null, ['СОИРО'], 'ЗОИРО'),
  org('ministry', 'Министерство образования Заречной области', null, ['Минобразования НСО']),
];
const index = buildNameIndex(candidates);

describe('nameKey', () => {
  it('ignores case, ё, quotes, spaces and trailing dots', () => {
    expect(nameKey('  МКУ «УМЦ  Берёзовского района».')).toBe(nameKey('мку умц березовского района'));
  });
});

describe('matchOrganisation', () => {
  it('prefers the road map municipality for generic names', () => {
    expect(matchOrganisation('УО', index, { regionId: region, municipalityId: ber })?.id).toBe('ber-uo');
    expect(matchOrganisation('уо', index, { regionId: region, municipalityId: svet })?.id).toBe('svet-uo');
  });

  it('leaves an ambiguous generic name unrecognised in a regional road map', () => {
    expect(matchOrganisation('МОУО', index, { regionId: region, municipalityId: null })).toBeNull();
  });

  it('finds regional organisations from a municipal road map', () => {
    expect(matchOrganisation('СОИРО', index, { regionId: region, municipalityId: ber })?.id).toBe('zoiro');
    expect(matchOrganisation('минобразования нсо', index, { regionId: region, municipalityId: null })?.id).toBe('ministry');
  });

  it('matches by name and short name, ё-insensitively', () => {
    expect(matchOrganisation('МКУ "УМЦ Березовского района"', index, { regionId: region, municipalityId: ber })?.id).toBe('ber-umc');
    expect(matchOrganisation('Управление образования администрации Березовского района', index, { regionId: region, municipalityId: null })?.id).toBe('ber-uo');
  });

  it('tries the text outside and inside brackets', () => {
    expect(matchOrganisation('РМС (районный методический совет)', index, { regionId: region, municipalityId: ber })?.id).toBe('ber-rms');
  });

  it('returns null for people and unknown bodies', () => {
    expect(matchOrganisation('Скворцова В.А.', index, { regionId: region, municipalityId: ber })).toBeNull();
  });
});

describe('recogniseResponsibles', () => {
  it('splits the cell and keeps every name as written', () => {
    expect(recogniseResponsibles('УО, УМЦ; Скворцова В.А.', index, { regionId: region, municipalityId: ber })).toEqual([
      { name: 'УО', organisationId: 'ber-uo' },
      { name: 'УМЦ', organisationId: 'ber-umc' },
      { name: 'Скворцова В.А.', organisationId: null },
    ]);
  });
});
