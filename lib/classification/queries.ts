import 'server-only';
/**
 * The classification data layer (contract with the UI): every function checks the actor before it touches data.
 * Bodies live in `server/*` and `import/*`; this file is the one import for pages, actions and route handlers.
 */
import type { Actor } from '@/lib/auth/actor';
import type { TableFileInput } from '@/lib/tabular';
import { importData } from './import/commit';
import type { DataImportResult, FieldSource } from './server/types';

export type * from './server/types';
export {
  activateMethodology, createDraftMethodology, getActiveMethodology, getMethodology, listMethodologies, updateDraftMethodology,
} from './server/methodologies';
export { createRun, getRun, getSchoolClassification, listRuns, publishRun, schoolCategoryHistory } from './server/runs';
export { exportRun } from './server/export';
export { previewWhatIf } from './server/whatif';
export { dataHistory, listAssessmentResults, upsertAssessmentResult, upsertSchoolContext, type DataEntity } from './server/data';
export { getSchoolContext, type SchoolContextRow } from './server/contexts';
export { availableYears, listPublishedCategories } from './server/public';

export interface DataImportRequest {
  file: TableFileInput;
  /** Field → column or constant; guessed from the headers when absent. */
  mapping?: Record<string, FieldSource>;
  /** 0-based header row; guessed when absent. */
  headerRow?: number;
  sheetIndex?: number;
  dryRun: boolean;
}

export function importAssessmentResults(actor: Actor, input: DataImportRequest): Promise<DataImportResult> {
  return importData(actor, 'assessments', input);
}

export function importSchoolContexts(actor: Actor, input: DataImportRequest): Promise<DataImportResult> {
  return importData(actor, 'contexts', input);
}
