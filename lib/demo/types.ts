/**
 * Shapes of the demo data. Every record has a `key` that is unique across the whole demo data set (regions,
 * municipalities, organisations and schools share one key space), so the seeding code can use it as an
 * idempotent natural key and a user can point at any of them with one string.
 */

export interface DemoRegion {
  key: string;
  name: string;
  shortName: string;
}

export type MunicipalityType = 'municipal_district' | 'urban_okrug';

export interface DemoMunicipality {
  key: string;
  regionKey: string;
  name: string;
  shortName: string;
  type: MunicipalityType;
  /** Where the municipal administration sits; distances of its schools are measured from here. */
  administrativeCentre: string;
}

/**
 * What a responsible party does, finer than `kind`: the same code is used by the seeds' alias table
 * (`RESPONSIBLE_ALIASES`) and by the demo organisation that plays that part at its level.
 */
export type ResponsibleParty =
  | 'regional_ministry'
  | 'regional_development_ministry'
  | 'regional_institute'
  | 'regional_it_centre'
  | 'quality_assessment_centre'
  | 'education_department'
  | 'local_government'
  | 'methodical_center'
  | 'methodical_council'
  | 'information_methodical_department'
  | 'municipal_education_centre'
  | 'additional_education'
  | 'ppms_centre';

export type OrganisationKind = 'ministry' | 'education_department' | 'methodical_center' | 'institute' | 'other';

export interface DemoOrganisation {
  key: string;
  fullName: string;
  shortName: string;
  kind: OrganisationKind;
  party: ResponsibleParty;
  regionKey: string;
  /** `null` for regional organisations. */
  municipalityKey: string | null;
  /**
   * Strings that name this organisation in road maps: its own local names first, then the generic seed strings
   * for its `party` (those are ambiguous on their own and resolve within the road map's municipality first).
   */
  aliases: readonly string[];
}

export type SchoolLocality = 'urban' | 'rural';

export interface DemoSchool {
  key: string;
  municipalityKey: string;
  fullName: string;
  shortName: string;
  /** 13 digits, valid check digit. */
  ogrn: string;
  /** 10 digits (legal entity), valid check digit. */
  inn: string;
  /** Postal address starting with the six-digit postcode. */
  address: string;
  /** Settlement as written in addresses: «г. Светлогорск», «с. Лебяжье». */
  settlement: string;
  locality: SchoolLocality;
  distanceToCentreKm: number;
  pupilCount: number;
}

export type DemoUserRole =
  | 'admin'
  | 'ministry_analyst'
  | 'municipal_coordinator'
  | 'methodologist'
  | 'expert'
  | 'school_team';

/** Which collection `organisationKey` points into. */
export type DemoBindingType = 'region' | 'municipality' | 'organisation' | 'school';

export interface DemoUser {
  /** E-mail-shaped login. */
  login: string;
  fullName: string;
  position: string;
  role: DemoUserRole;
  organisationType: DemoBindingType;
  organisationKey: string;
}

/** What one string from a road map's «Ответственные» column stands for. */
export type ResponsibleMeaning =
  | { type: 'organisation'; party: ResponsibleParty }
  /** The schools (ОО) of the road map as a group. */
  | { type: 'schools' }
  /** The heads of those schools: «Директора школ», «руководители ОО». */
  | { type: 'school_heads' }
  /** A named person, e.g. «Лаврентьева С.А.». */
  | { type: 'person' };

export type SeedId = '000' | '001' | '002';

export interface ResponsibleAlias {
  /** The string as written in the seed, whitespace collapsed; match case-insensitively. */
  text: string;
  seeds: readonly SeedId[];
  meaning: ResponsibleMeaning;
}
