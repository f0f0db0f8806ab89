import { seedAliasesFor } from './responsible-aliases';
import type { DemoMunicipality, DemoOrganisation, DemoRegion } from './types';

/** A fictional region: no Russian region is called «Заречная область». */
export const DEMO_REGION: DemoRegion = {
  key: 'zarechnaya-oblast',
  name: 'Заречная область',
  shortName: 'Заречная обл.',
};

/** Keys of the two demo municipalities, shared by the files that point at them. */
export const BEREZOVSKY_KEY = 'berezovsky-district';
export const SVETLOGORSK_KEY = 'svetlogorsk-city';

export const DEMO_MUNICIPALITIES: readonly DemoMunicipality[] = [
  {
    key: BEREZOVSKY_KEY,
    regionKey: DEMO_REGION.key,
    name: 'Берёзовский муниципальный район',
    shortName: 'Берёзовский район',
    type: 'municipal_district',
    // Like Искитимский район (seed 001), whose administration sits in the separate городской округ Искитим.
    administrativeCentre: 'г. Светлогорск',
  },
  {
    key: SVETLOGORSK_KEY,
    regionKey: DEMO_REGION.key,
    name: 'городской округ город Светлогорск',
    shortName: 'г. Светлогорск',
    type: 'urban_okrug',
    administrativeCentre: 'г. Светлогорск',
  },
];

type OrganisationDraft = Omit<DemoOrganisation, 'regionKey' | 'aliases'> & { ownAliases: readonly string[] };

function organisation({ ownAliases, ...draft }: OrganisationDraft): DemoOrganisation {
  return { ...draft, regionKey: DEMO_REGION.key, aliases: [...new Set([...ownAliases, ...seedAliasesFor(draft.party)])] };
}

const REGIONAL: readonly OrganisationDraft[] = [
  {
    key: 'zar-ministry',
    fullName: 'Министерство образования Заречной области',
    shortName: 'Минобразования Заречной области',
    kind: 'ministry',
    party: 'regional_ministry',
    municipalityKey: null,
    ownAliases: ['Министерство образования Заречной области', 'Минобразования Заречной области', 'Минобразования'],
  },
  {
    key: 'zar-minregion',
    fullName: 'Министерство регионального развития Заречной области',
    shortName: 'Минрегион Заречной области',
    kind: 'other',
    party: 'regional_development_ministry',
    municipalityKey: null,
    ownAliases: ['Минрегион Заречной области', 'Минрегион'],
  },
  {
    key: 'zar-zoiro',
    fullName:
      'Государственное автономное учреждение дополнительного профессионального образования Заречной области ' +
      '«Заречный областной институт развития образования»',
    shortName: 'ЗОИРО',
    kind: 'institute',
    party: 'regional_institute',
    municipalityKey: null,
    ownAliases: ['ЗОИРО', 'ГАУ ДПО ЗОИРО', 'Заречный областной институт развития образования', 'ИРО'],
  },
  {
    key: 'zar-oblcit',
    fullName:
      'Государственное бюджетное учреждение дополнительного профессионального образования Заречной области ' +
      '«Областной центр информационных технологий»',
    shortName: 'ГБУ ДПО ЗО «ОблЦИТ»',
    kind: 'other',
    party: 'regional_it_centre',
    municipalityKey: null,
    // Seed 001 names its counterpart as a data source («ГБУ ДПО НСО «ОблЦИТ»»), which the fictional demo reads as
    // «ГБУ ДПО ЗО «ОблЦИТ»».
    ownAliases: ['ОблЦИТ', 'ГБУ ДПО ЗО «ОблЦИТ»'],
  },
  {
    key: 'zar-coko',
    fullName: 'Государственное казённое учреждение Заречной области «Центр оценки качества образования»',
    shortName: 'ГКУ ЗО ЦОКО',
    kind: 'other',
    party: 'quality_assessment_centre',
    municipalityKey: null,
    // Seed 004 mentions ЦОКО; it runs the regional ГИА information system (РИС ГИА, a source in seed 001).
    ownAliases: ['ЦОКО', 'РЦОИ'],
  },
];

const BEREZOVSKY_ORGANISATIONS: readonly OrganisationDraft[] = [
  {
    key: 'ber-uo',
    fullName: 'Управление образования администрации Берёзовского муниципального района',
    shortName: 'УО администрации Берёзовского района',
    kind: 'education_department',
    party: 'education_department',
    municipalityKey: BEREZOVSKY_KEY,
    ownAliases: ['Управление образования администрации Берёзовского муниципального района', 'УО Берёзовского района'],
  },
  {
    key: 'ber-administration',
    fullName: 'Администрация Берёзовского муниципального района Заречной области',
    shortName: 'Администрация Берёзовского района',
    kind: 'other',
    party: 'local_government',
    municipalityKey: BEREZOVSKY_KEY,
    ownAliases: ['Администрация Берёзовского района'],
  },
  {
    key: 'ber-umc',
    fullName: 'Муниципальное казённое учреждение «Учебно-методический центр Берёзовского района»',
    shortName: 'МКУ «УМЦ Берёзовского района»',
    kind: 'methodical_center',
    party: 'methodical_center',
    municipalityKey: BEREZOVSKY_KEY,
    ownAliases: ['МКУ «УМЦ Берёзовского района»', 'УМЦ Берёзовского района', 'учебно-методический центр'],
  },
  {
    // A collegial body of the district's methodologists and leading teachers, chaired by the УМЦ.
    key: 'ber-rms',
    fullName: 'Районный методический совет Берёзовского муниципального района',
    shortName: 'РМС Берёзовского района',
    kind: 'methodical_center',
    party: 'methodical_council',
    municipalityKey: BEREZOVSKY_KEY,
    ownAliases: ['РМС Берёзовского района', 'районный методический совет', 'районная методическая служба'],
  },
  {
    key: 'ber-ddt',
    fullName:
      'Муниципальное бюджетное учреждение дополнительного образования ' +
      '«Берёзовский районный Дом детского творчества»',
    shortName: 'МБУ ДО «Берёзовский РДДТ»',
    kind: 'other',
    party: 'additional_education',
    municipalityKey: BEREZOVSKY_KEY,
    ownAliases: ['Берёзовский РДДТ', 'Дом детского творчества', 'учреждения дополнительного образования'],
  },
];

const SVETLOGORSK_ORGANISATIONS: readonly OrganisationDraft[] = [
  {
    key: 'svet-uo',
    fullName: 'Управление образования администрации города Светлогорска',
    shortName: 'УО администрации г. Светлогорска',
    kind: 'education_department',
    party: 'education_department',
    municipalityKey: SVETLOGORSK_KEY,
    ownAliases: ['Управление образования администрации города Светлогорска', 'УО г. Светлогорска'],
  },
  {
    key: 'svet-administration',
    fullName: 'Администрация города Светлогорска Заречной области',
    shortName: 'Администрация г. Светлогорска',
    kind: 'other',
    party: 'local_government',
    municipalityKey: SVETLOGORSK_KEY,
    ownAliases: ['Администрация г. Светлогорска', 'Администрация города Светлогорска'],
  },
  {
    key: 'svet-moc',
    fullName: 'Муниципальное автономное учреждение «Муниципальный образовательный центр города Светлогорска»',
    shortName: 'МАУ «МОЦ г. Светлогорска»',
    kind: 'methodical_center',
    party: 'municipal_education_centre',
    municipalityKey: SVETLOGORSK_KEY,
    ownAliases: ['МАУ «МОЦ г. Светлогорска»', 'МОЦ г. Светлогорска', 'муниципальный образовательный центр'],
  },
  {
    key: 'svet-imo',
    fullName: 'Информационно-методический отдел МАУ «Муниципальный образовательный центр города Светлогорска»',
    shortName: 'ИМО МОЦ г. Светлогорска',
    kind: 'methodical_center',
    party: 'information_methodical_department',
    municipalityKey: SVETLOGORSK_KEY,
    ownAliases: ['ИМО', 'информационно-методический отдел'],
  },
  {
    key: 'svet-cdt',
    fullName:
      'Муниципальное автономное учреждение дополнительного образования ' +
      '«Центр детского творчества» города Светлогорска',
    shortName: 'МАУ ДО «ЦДТ» г. Светлогорска',
    kind: 'other',
    party: 'additional_education',
    municipalityKey: SVETLOGORSK_KEY,
    ownAliases: ['ЦДТ г. Светлогорска', 'Центр детского творчества', 'учреждения дополнительного образования'],
  },
  {
    key: 'svet-ppms',
    fullName:
      'Муниципальное бюджетное учреждение «Центр психолого-педагогической, медицинской и социальной помощи» ' +
      'города Светлогорска',
    shortName: 'МБУ «ППМС-центр» г. Светлогорска',
    kind: 'other',
    party: 'ppms_centre',
    municipalityKey: SVETLOGORSK_KEY,
    ownAliases: ['ППМС-центр', 'ППМС-центр г. Светлогорска', 'центр психолого-педагогической помощи'],
  },
];

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  ...REGIONAL,
  ...BEREZOVSKY_ORGANISATIONS,
  ...SVETLOGORSK_ORGANISATIONS,
].map(organisation);
