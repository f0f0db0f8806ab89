/** Shapes the classification data layer returns to pages, actions and route handlers. */
import type { Category, SchoolClassification } from '../classify';
import type { Methodology } from '../methodology';
import type { SchoolOverview } from '../overview';
import type { WhatIfDiff } from '../whatif';
import type { Issue } from '@/lib/errors';

export type MethodologyStatus = 'draft' | 'active' | 'archived';

export interface MethodologyRow {
  id: string;
  regionId: string;
  name: string;
  versionNumber: number;
  status: MethodologyStatus;
  params: Methodology;
  note: string | null;
  activatedAt: Date | null;
  /** Optimistic-concurrency version of the record (not the methodology's version number). */
  version: number;
  createdAt: Date;
}

export type CategoryCounts = Record<Category, number>;

export interface RunRow {
  id: string;
  year: number;
  methodologyId: string;
  methodologyName: string;
  methodologyVersion: number;
  inputDigest: string;
  status: 'draft' | 'published';
  createdAt: Date;
  publishedAt: Date | null;
  /** null: the whole region. */
  municipalityId: string | null;
  /** Counts of every school of the run (the region's, or the municipality's for a municipal run), whoever reads. */
  counts: CategoryCounts;
  schoolCount: number;
  /** The ШНСУ boundary of the run (lowest index of the most disadvantaged quarter of the region), as the engine set it. */
  disadvantagedCut: number | null;
  /** True when per-school sentences were left out of storage (big runs); `getSchoolClassification` renders them. */
  compact: boolean;
}

/**
 * A run with the schools the actor may see: full results with every sentence, or in a compact run each school's
 * overview. Everything else (counts, boundary, ratings inside each school, municipality names) is the run's own,
 * the same for every viewer.
 */
export type RunDetail = (RunRow & { compact: false; schools: SchoolClassification[] } | RunRow & { compact: true; schools: SchoolOverview[] }) & {
  /** Names of the run's municipalities (id → name) as stored with the run. */
  municipalityNames: Record<string, string>;
};

export interface SchoolClassificationDetail {
  /**
   * With every Russian sentence, rebuilt from the run's inputs when the run is compact; null when a compact run's
   * inputs changed since (then only its stored overview is known).
   */
  school: SchoolClassification | null;
  /** The decisions and numbers the run stored. */
  overview: SchoolOverview;
  /** The same school in other visible runs, one per year (the newest run of each year), newest year first. */
  history: { year: number; category: Category; runId: string }[];
  /** False when a compact run's data changed since it ran. */
  inputsUnchanged: boolean;
}

export interface RunSummaryBrief {
  methodologyId: string;
  methodologyName: string;
  methodologyVersion: number;
  counts: CategoryCounts;
}

export type WhatIfPreview = WhatIfDiff & { activeRunSummary: RunSummaryBrief; draftSummary: RunSummaryBrief; schoolCount: number };

export type FieldSource = { column: number } | { value: string };

export interface DataImportResult {
  committed: boolean;
  sheets: string[];
  headerRow: number;
  headers: string[];
  /** Field → column (or constant) used; guessed from the headers when none was given. */
  mapping: Record<string, FieldSource>;
  counts: { create: number; update: number; unchanged: number };
  issues: Issue[];
  /** First rows of the plan, for the preview table. */
  sample: { rowNumber: number; action: 'create' | 'update' | 'unchanged'; school: string; key: string }[];
}

export interface AssessmentResultRow {
  id: string;
  schoolId: string;
  schoolName: string;
  municipalityId: string | null;
  year: number;
  exam: 'EGE' | 'OGE' | 'VPR';
  subject: string;
  /** 0 for ЕГЭ and ОГЭ. */
  grade: number;
  participants: number;
  meanScore: number | null;
  maxScore: number | null;
  belowMinimum: number | null;
  marks2: number | null;
  marks3: number | null;
  marks4: number | null;
  marks5: number | null;
  highScorers: number | null;
  source: string | null;
  version: number;
}

/** One public line: a school's category in the newest published run of its region (or municipality). */
export interface PublishedCategory {
  schoolId: string;
  schoolName: string;
  municipalityId: string | null;
  year: number;
  category: Category;
  runId: string;
}
