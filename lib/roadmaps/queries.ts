import 'server-only';
import type { Roadmap, RoadmapItem, RoadmapSection } from '@/db/schema/roadmaps';
import type { AuditRow } from '@/lib/audit/queries';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import type { TableFileInput } from '@/lib/tabular';
import type {
  CreateItemInput,
  CreateRoadmapInput,
  CreateSectionInput,
  ExportFormat,
  ImportMapping,
  ListRoadmapsFilter,
  ProgressReportInput,
  ReviewCommentInput,
  SetItemsStatusInput,
  UpdateItemInput,
  UpdateRoadmapInput,
  UpdateSectionInput,
} from './schemas';
import type { ExportedFile, RoadmapDetail, RoadmapImportResult, RoadmapListRow } from './views';

export type * from './views';

const todo = (): never => {
  throw new AppError('internal', 'не реализовано');
};

export async function listRoadmaps(_actor: Actor, _filter?: ListRoadmapsFilter): Promise<RoadmapListRow[]> { return todo(); }
export async function getRoadmap(_actor: Actor, _id: string, _today?: Date): Promise<RoadmapDetail> { return todo(); }
export async function createRoadmap(_actor: Actor, _input: CreateRoadmapInput): Promise<Roadmap> { return todo(); }
export async function updateRoadmap(_actor: Actor, _input: UpdateRoadmapInput): Promise<Roadmap> { return todo(); }
export async function deleteRoadmap(_actor: Actor, _id: string, _version: number): Promise<void> { return todo(); }
export async function createSection(_actor: Actor, _input: CreateSectionInput): Promise<RoadmapSection> { return todo(); }
export async function updateSection(_actor: Actor, _input: UpdateSectionInput): Promise<RoadmapSection> { return todo(); }
export async function createItem(_actor: Actor, _input: CreateItemInput): Promise<RoadmapItem> { return todo(); }
export async function updateItem(_actor: Actor, _input: UpdateItemInput): Promise<RoadmapItem> { return todo(); }
export async function deleteItem(_actor: Actor, _id: string, _version: number): Promise<void> { return todo(); }
export async function setItemsStatus(_actor: Actor, _input: SetItemsStatusInput): Promise<number> { return todo(); }
export async function addProgressReport(_actor: Actor, _input: ProgressReportInput): Promise<string> { return todo(); }
export async function readEvidenceFile(_actor: Actor, _evidenceId: string): Promise<ExportedFile> { return todo(); }
export async function submitRoadmap(_actor: Actor, _roadmapId: string, _version: number, _text?: string): Promise<void> { return todo(); }
export async function commentOnReview(_actor: Actor, _input: ReviewCommentInput): Promise<void> { return todo(); }
export async function approveRoadmap(_actor: Actor, _roadmapId: string, _version: number, _text?: string): Promise<void> { return todo(); }
export async function returnRoadmap(_actor: Actor, _roadmapId: string, _version: number, _text: string): Promise<void> { return todo(); }
export async function itemHistory(_actor: Actor, _itemId: string): Promise<AuditRow[]> { return todo(); }
export async function importRoadmapTable(
  _actor: Actor,
  _roadmapId: string,
  _input: { file?: TableFileInput; text?: string; mapping?: ImportMapping; dryRun: boolean },
): Promise<RoadmapImportResult> { return todo(); }
export async function exportRoadmap(_actor: Actor, _id: string, _format: ExportFormat): Promise<ExportedFile> { return todo(); }
