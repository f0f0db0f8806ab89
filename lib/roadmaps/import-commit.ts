import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { readTableFile, type TableFileInput } from '@/lib/tabular';
import { roadmapFor } from './access';
import { importIntoRoadmap } from './import-write';
import type { ImportMapping } from './schemas';
import { parsePastedText } from './table/paste';
import { parseRoadmapTable, type ParsedRoadmapTable } from './table/parse';
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
  if (input.file) {
    const { sheets } = await readTableFile(input.file);
    const parsed = sheets.map((sheet) => parseRoadmapTable(sheet.rows, options));
    const itemCount = (table: ParsedRoadmapTable) => table.sections.reduce((sum, section) => sum + section.items.length, 0);
    const best = parsed.reduce<ParsedRoadmapTable | null>((a, b) => (a === null || itemCount(b) > itemCount(a) ? b : a), null);
    if (!best) throw new AppError('validation', 'В файле нет таблицы.');
    return best;
  }
  if (input.text !== undefined && input.text.trim() !== '') return parseRoadmapTable(parsePastedText(input.text), options);
  throw new AppError('validation', 'Вставьте таблицу или выберите файл.', [{ field: 'text', message: 'Вставьте таблицу или выберите файл.' }]);
}

/** Import of a pasted or uploaded table into a road map: preview with `dryRun`, else all-or-nothing commit. */
export async function importRoadmapTable(actor: Actor, roadmapId: string, input: RoadmapImportInput): Promise<RoadmapImportResult> {
  // The right is checked before the table is read: a stranger learns nothing and costs no parsing.
  const roadmap = await roadmapFor(getDb(), actor, 'roadmap.write', roadmapId);
  const parsed = await parseInputTable(input);
  if (input.dryRun) return importIntoRoadmap(getDb(), actor, roadmap, parsed, true);
  // Checked again under the row lock: the road map may have changed while the table was parsed.
  return inTransaction(async (tx) => {
    const locked = await roadmapFor(tx, actor, 'roadmap.write', roadmapId, true);
    return importIntoRoadmap(tx, actor, locked, parsed, false, input.file?.filename ?? null);
  });
}
