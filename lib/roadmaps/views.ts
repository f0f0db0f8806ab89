import type { PlanChangeView } from './review-guard';
/**
 * What the road-map queries return to pages and the API. Types only, so client components may import them.
 */
import type { Roadmap, RoadmapItem, RoadmapLevel, RoadmapSection, RoadmapStatus } from '@/db/schema/roadmaps';
import type { Issue } from '@/lib/errors';
import type { NormalisedDeadline } from './deadline';
import type { ProgressSummary } from './progress';
import type { ColumnMapping } from './table/columns';

export type ReviewEventKind = 'submit' | 'comment' | 'approve' | 'return' | 'reopen';

export interface RoadmapListRow {
  id: string;
  title: string;
  level: RoadmapLevel;
  status: RoadmapStatus;
  ownerOrganisationId: string;
  ownerName: string;
  periodStartYear: number;
  periodEndYear: number;
  approvalDocument: string | null;
  itemCount: number;
  /** 0…1, cancelled items not counted. */
  doneShare: number;
  overdueCount: number;
  version: number;
}

export interface EvidenceView {
  id: string;
  kind: 'link' | 'file';
  url: string | null;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
}

export interface ReportView {
  id: string;
  reportedOn: string;
  text: string;
  authorName: string;
  createdAt: Date;
  evidence: EvidenceView[];
}

export interface ReviewEventView {
  id: string;
  itemId: string | null;
  kind: ReviewEventKind;
  text: string;
  authorName: string;
  createdAt: Date;
}

export interface ResponsibleView {
  name: string;
  organisationId: string | null;
  organisationName: string | null;
}

export type ItemView = RoadmapItem & {
  overdue: boolean;
  responsibles: ResponsibleView[];
  reports: ReportView[];
  reviewComments: ReviewEventView[];
};

export type SectionView = RoadmapSection & { items: ItemView[]; progress: ProgressSummary };

export interface RoadmapPermissions {
  canEdit: boolean;
  canReview: boolean;
  canSubmit: boolean;
  canDelete: boolean;
}

export interface RoadmapDetail {
  roadmap: Roadmap & { ownerName: string };
  sections: SectionView[];
  progress: ProgressSummary;
  review: ReviewEventView[];
  /** A school map changed after its last approval: what changed since (lib/roadmaps/review-guard.ts). */
  sinceApproval: { approvedAt: Date; changes: PlanChangeView[] } | null;
  permissions: RoadmapPermissions;
}

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface ImportPreviewItem {
  number: string;
  activity: string;
  deadlineText: string;
  responsibleText: string;
  resultText: string;
  deadline: NormalisedDeadline;
  action: ImportAction;
  /** 1-based rows of the file the item was read from. */
  sourceRows: number[];
}

export interface ImportPreviewSection {
  title: string | null;
  number?: string;
  /** True when a section with this title already exists in the road map. */
  existing: boolean;
  items: ImportPreviewItem[];
}

export interface RoadmapImportResult {
  committed: boolean;
  headers: string[];
  mapping: ColumnMapping;
  sections: ImportPreviewSection[];
  counts: { sections: number; create: number; update: number; unchanged: number };
  warnings: Issue[];
  errors: Issue[];
}

export type { ExportedFile } from '@/lib/export/file';
