import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { planRoadmapImport, readRoadmapTable, type TableFileInput } from '@/lib/tabular';
import { roadmapFor } from './access';
import { importIntoRoadmap } from './import-write';
import { guardPlanChange } from './review-guard';
import type { ImportMapping } from './schemas';
import type { ParsedRoadmapTable } from './table/parse';
import type { RoadmapImportResult } from './views';

export interface RoadmapImportInput {
  file?: TableFileInput;
  text?: string;
  mapping?: ImportMapping;
  dryRun: boolean;
}

/** The grid to import: pasted text, or the table of a file (of several DOCX tables, the one with most items). */
async function parseInputTable(input: RoadmapImportInput): Promise<ParsedRoadmapTable> {
  const options = { mapping: input.mapping };
  if (input.file) return readRoadmapTable({ file: input.file }, options);
  if (input.text !== undefined && input.text.trim() !== '') return readRoadmapTable({ text: input.text }, options);
  throw new AppError('validation', 'Вставьте таблицу или выберите файл.', [{ field: 'text', message: 'Вставьте таблицу или выберите файл.' }]);
}

/** Import of a pasted or uploaded table into a road map: preview with `dryRun`, else all-or-nothing commit. */
export async function importRoadmapTable(actor: Actor, roadmapId: string, input: RoadmapImportInput): Promise<RoadmapImportResult> {
  // The right is checked before the table is read: a stranger learns nothing and costs no parsing.
  const roadmap = await roadmapFor(getDb(), actor, 'roadmap.write', roadmapId);
  const parsed = await parseInputTable(input);
  if (input.dryRun) return importIntoRoadmap(getDb(), actor, roadmap, parsed, true, planRoadmapImport);
  // Checked again under the row lock: the road map may have changed while the table was parsed.
  return inTransaction(async (tx) => {
    const locked = await roadmapFor(tx, actor, 'roadmap.write', roadmapId, true);
    // An approved school map is reopened only by an import that changes its plan: the same table again leaves it be.
    if (locked.level === 'school' && locked.status === 'approved' && parsed.errors.length === 0) {
      const preview = await importIntoRoadmap(tx, actor, locked, parsed, true, planRoadmapImport);
      if (preview.counts.create + preview.counts.update === 0) return { ...preview, committed: true };
    }
    const current = await guardPlanChange(tx, actor, locked, { kind: 'content', what: 'мероприятия загружены из таблицы' });
    return importIntoRoadmap(tx, actor, current, parsed, false, planRoadmapImport, input.file?.filename ?? null);
  });
}
