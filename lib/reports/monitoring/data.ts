/**
 * What the monitoring report of a region or a municipality for a year is made of, as read from the database by
 * load.ts: plain data, no database or framework types, so the report's document and the analytical note's facts
 * are built from it by pure functions (build.ts, facts.ts) and unit-tested without a database.
 */
import type { Category } from '@/lib/classification/classify';
import type { IndicatorStatusWord } from '@/lib/indicators/status';
import type { WarningKind } from '@/lib/indicators/warning';
import type { NoteListCategory } from '@/lib/reports/note/facts';

/** The four published lists and the run categories that make them. */
export const LIST_OF_CATEGORY: Partial<Record<Category, NoteListCategory>> = {
  low_results: 'shnor',
  unfavourable: 'shnsu',
  both: 'both',
  resilient: 'resilient',
};
export const LIST_CATEGORIES: readonly NoteListCategory[] = ['shnor', 'shnsu', 'both', 'resilient'];
export const LIST_TITLES: Record<NoteListCategory, string> = {
  shnor: 'ШНОР (только низкие результаты)',
  shnsu: 'ШНСУ (только неблагоприятные условия)',
  both: 'ШНОР и ШНСУ одновременно',
  resilient: 'Резильентные школы',
};

export interface RunInfo {
  id: string;
  year: number;
  /** «Региональный расчёт» or the municipality's name. */
  scopeName: string;
  methodologyName: string;
  methodologyVersion: number;
  inputDigest: string;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface ListedSchool {
  schoolId: string;
  name: string;
  municipality: string;
  rural: boolean;
  category: Category;
  /** The school's reasons in words, as the classification explains them. */
  reasons: string;
  /** Names of the partner schools the run suggested (ШНОР only). */
  partners: readonly string[];
}

/** A school of the previous year's lists (any category of the previous run that is one of the four lists). */
export interface PreviousSchool {
  schoolId: string;
  name: string;
  municipality: string;
  category: Category;
}

export interface ResultRow {
  exam: 'EGE' | 'OGE' | 'VPR';
  subject: string;
  year: number;
  /** ЕГЭ/ОГЭ: mean score weighted by participants; ВПР: share of «2», %. */
  listed: number | null;
  /** The municipality's figure (municipality reports only; null in a region report). */
  municipal: number | null;
  regional: number | null;
}

export interface RoadmapGroup {
  name: string;
  /** Items (not cancelled) whose deadline falls by the end of the year. */
  total: number;
  done: number;
  /** Not done, deadline not yet passed on the report date. */
  onTime: number;
  overdue: number;
}

export interface OverdueItem {
  roadmap: string;
  municipality: string;
  number: string;
  activity: string;
  deadline: string;
  /** ISO date. */
  periodEnd: string;
  responsible: string;
}

export interface IndicatorRow {
  code: string;
  name: string;
  unitWord: string;
  organisation: string;
  /** Only an approved (locked) value; null otherwise. */
  value: number | null;
  approved: boolean;
  target: { year: number; value: number } | null;
  baseline: { year: number; value: number } | null;
  status: IndicatorStatusWord;
  warningKind: WarningKind | null;
  warning: string | null;
}

export interface PartnerPair {
  school: string;
  partner: string;
}

export interface CuratedSchool {
  school: string;
  municipality: string;
  curators: string;
}

export interface DecisionRow {
  /** ISO date. */
  decidedOn: string;
  title: string;
  document: string;
  responsible: string;
  dueDate: string | null;
  finding: string;
  concerned: string;
  items: string;
}

export interface MonitoringData {
  organisation: { id: string; name: string; level: 'region' | 'municipality'; regionId: string; regionName: string };
  year: number;
  /** ISO date the road-map deadlines are judged at; also the document's as-of date. */
  onDate: string;
  run: RunInfo | null;
  previousRun: RunInfo | null;
  listed: readonly ListedSchool[];
  previous: readonly PreviousSchool[];
  results: readonly ResultRow[];
  roadmaps: { byMunicipality: readonly RoadmapGroup[]; bySection: readonly (RoadmapGroup & { roadmap: string })[]; overdue: readonly OverdueItem[] };
  indicators: { rows: readonly IndicatorRow[]; approvedOrganisations: number; organisations: number };
  support: { pairs: readonly PartnerPair[]; curated: readonly CuratedSchool[] };
  decisions: readonly DecisionRow[];
}
