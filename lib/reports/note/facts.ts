/**
 * The facts an analytical note («аналитическая справка») is written from: gathered from the database by the
 * monitoring report (lib/reports/monitoring), turned into connected Russian text by `buildAnalyticalNote`
 * (lib/reports/note). Plain data, so the sentences are unit-tested without a database and every figure in the
 * note is the same figure the monitoring report's tables show.
 */

/**
 * The lists a note speaks of: 'shnor' and 'shnsu' are the whole «перечень ШНОР» / «перечень ШНСУ» (a school in both
 * lists counts in each), 'both' the schools in both, 'resilient' the resilient schools.
 */
export type NoteListCategory = 'shnor' | 'shnsu' | 'both' | 'resilient';

export interface NoteListFacts {
  category: NoteListCategory;
  /** Schools in the list this year. */
  count: number;
  /** Schools in the list in the previous year's published run; null when there was no such run. */
  previousCount: number | null;
  /** Of `count`, schools in rural settlements. */
  rural: number;
  /** Schools that entered / left the list since the previous year's run (0 when there was no previous run). */
  entered: number;
  left: number;
}

export interface NoteResultSeries {
  /** «ЕГЭ», «ОГЭ», «ВПР». */
  exam: string;
  /** «математика (профильная)», «русский язык»… */
  subject: string;
  /** Years in ascending order; the arrays below have one value per year, null where there is no data. */
  years: readonly number[];
  /** Mean of the listed (ШНОР) schools. */
  listedMean: readonly (number | null)[];
  /** Mean of the report's organisation (the region or the municipality). */
  overallMean: readonly (number | null)[];
  /** «балл», «%». */
  unit: string;
}

export interface NoteRoadmapFacts {
  /** Items due by the end of the report year across the maps in scope. */
  total: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  byMunicipality: readonly { name: string; total: number; done: number; overdue: number }[];
}

export interface NoteIndicatorFacts {
  total: number;
  achieved: number;
  close: number;
  behind: number;
  noData: number;
  /** «Мероприятия выполняются, а показатель не меняется» and its reverse, one sentence each, already in words. */
  warnings: readonly { indicator: string; text: string }[];
}

export interface NoteSupportFacts {
  partnerPairs: number;
  /** Schools with a curator organisation. */
  curatedSchools: number;
  practicesPublished: number;
  practicesAdopted: number;
}

export interface NoteDecisionFacts {
  date: Date;
  title: string;
  responsible: string;
  due: Date | null;
}

export interface NoteFacts {
  /** «Заречная область», «Берёзовский район». */
  organisationName: string;
  /** 'region' or 'municipality': decides «в регионе» / «в муниципалитете». */
  level: 'region' | 'municipality';
  year: number;
  /** The run the lists come from: its label, methodology version and publication date. */
  run: { label: string; methodologyVersion: string; publishedAt: Date | null };
  /** «все значения утверждены», «утверждено 12 из 17 значений»… */
  approvalState: string;
  asOf: Date;
  lists: readonly NoteListFacts[];
  results: readonly NoteResultSeries[];
  roadmaps: NoteRoadmapFacts;
  indicators: NoteIndicatorFacts;
  support: NoteSupportFacts;
  decisions: readonly NoteDecisionFacts[];
}
