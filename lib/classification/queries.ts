import 'server-only';
/**
 * The classification data layer (contract with the UI): every function checks the actor before it touches data.
 * Bodies live in `server/*` and `import/*`; this file is the one import for pages, actions and route handlers.
 */
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import type { TableFileInput } from '@/lib/tabular';
import type { AssessmentResultInput, CreateDraftInput, CreateRunInput, SchoolContextInput, UpdateDraftInput, WhatIfInput } from './schemas';
import type {
  AssessmentResultRow, DataImportResult, FieldSource, MethodologyRow, PublishedCategory, RunDetail, RunRow,
  SchoolClassificationDetail, WhatIfPreview,
} from './server/types';

export type * from './server/types';

const todo = (): never => {
  throw new AppError('internal', 'не реализовано');
};

export async function listMethodologies(_actor: Actor): Promise<MethodologyRow[]> { return todo(); }
export async function getMethodology(_actor: Actor, _id: string): Promise<MethodologyRow> { return todo(); }
export async function getActiveMethodology(_actor: Actor): Promise<MethodologyRow> { return todo(); }
export async function createDraftMethodology(_actor: Actor, _input: CreateDraftInput): Promise<MethodologyRow> { return todo(); }
export async function updateDraftMethodology(_actor: Actor, _input: UpdateDraftInput): Promise<MethodologyRow> { return todo(); }
export async function activateMethodology(_actor: Actor, _id: string, _version: number): Promise<void> { return todo(); }
export async function previewWhatIf(_actor: Actor, _input: WhatIfInput): Promise<WhatIfPreview> { return todo(); }
export async function createRun(_actor: Actor, _input: CreateRunInput): Promise<RunRow> { return todo(); }
export async function listRuns(_actor: Actor, _filter?: { year?: number }): Promise<RunRow[]> { return todo(); }
export async function getRun(_actor: Actor, _id: string): Promise<RunDetail> { return todo(); }
export async function publishRun(_actor: Actor, _id: string): Promise<void> { return todo(); }
export async function getSchoolClassification(_actor: Actor, _runId: string, _schoolId: string): Promise<SchoolClassificationDetail> { return todo(); }
export interface DataImportRequest { file: TableFileInput; mapping?: Record<string, FieldSource>; headerRow?: number; sheetIndex?: number; dryRun: boolean }
export async function importAssessmentResults(_actor: Actor, _input: DataImportRequest): Promise<DataImportResult> { return todo(); }
export async function importSchoolContexts(_actor: Actor, _input: DataImportRequest): Promise<DataImportResult> { return todo(); }
export async function listAssessmentResults(_actor: Actor, _filter: { schoolId?: string; year?: number }): Promise<AssessmentResultRow[]> { return todo(); }
export async function upsertAssessmentResult(_actor: Actor, _input: AssessmentResultInput): Promise<AssessmentResultRow> { return todo(); }
export async function upsertSchoolContext(_actor: Actor, _input: SchoolContextInput): Promise<{ id: string; version: number }> { return todo(); }
export async function availableYears(_actor: Actor): Promise<number[]> { return todo(); }
/** Public (no actor): the newest published run's categories of a region, or of every region. */
export async function listPublishedCategories(_regionId?: string): Promise<PublishedCategory[]> { return todo(); }
