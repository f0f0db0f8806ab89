import type { Issue } from '@/lib/errors';
import type { RoadmapColumn } from '@/lib/roadmaps/table/columns';
import type { RoadmapImportResult } from '@/lib/roadmaps/views';

export type ImportSource = { kind: 'text'; text: string } | { kind: 'file'; file: File };
export type HandMapping = Partial<Record<RoadmapColumn, number | null>>;
export type ImportOutcome =
  | { kind: 'preview' | 'done'; result: RoadmapImportResult }
  | { kind: 'error'; message: string; issues: Issue[] };

const TYPES_BY_EXTENSION: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  txt: 'text/tab-separated-values',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The API takes the raw table with its Content-Type; browsers report CSV types unreliably, so the extension decides. */
function contentType(source: ImportSource): string | null {
  if (source.kind === 'text') return 'text/tab-separated-values';
  const extension = source.file.name.split('.').pop()?.toLowerCase() ?? '';
  return TYPES_BY_EXTENSION[extension] ?? null;
}

/** One call of `POST /api/v1/roadmaps/{id}/import` (dry run for the preview); the mapping goes in the query. */
export async function sendImport(roadmapId: string, source: ImportSource, mapping: HandMapping | null, dryRun: boolean): Promise<ImportOutcome> {
  const type = contentType(source);
  if (!type) return { kind: 'error', message: 'Этот формат файла не поддерживается: загрузите CSV, XLSX или DOCX.', issues: [] };
  const query = new URLSearchParams({ dryRun: String(dryRun) });
  if (mapping) query.set('mapping', JSON.stringify(mapping));
  try {
    const response = await fetch(`/api/v1/roadmaps/${roadmapId}/import?${query}`, {
      method: 'POST',
      headers: { 'Content-Type': type },
      body: source.kind === 'file' ? source.file : source.text,
    });
    const json = (await response.json().catch(() => null)) as RoadmapImportResult | { error: { message: string; issues: Issue[] } } | null;
    if (!json) return { kind: 'error', message: 'Сервер вернул непонятный ответ. Повторите попытку.', issues: [] };
    if ('error' in json) return { kind: 'error', message: json.error.message, issues: json.error.issues ?? [] };
    return { kind: dryRun ? 'preview' : 'done', result: json };
  } catch {
    return { kind: 'error', message: 'Не удалось связаться с сервером. Повторите попытку.', issues: [] };
  }
}
