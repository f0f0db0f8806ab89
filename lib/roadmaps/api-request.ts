import 'server-only';
import { readBodyBytes } from '@/lib/api/body';
import { AppError } from '@/lib/errors';
import { DEFAULT_UPLOAD_LIMITS, type TableFileInput } from '@/lib/tabular';
import { formatMegabytes } from '@/lib/tabular/limits';

/** Query string → plain object (for zod): `?level=school&year=2022`. */
export function queryObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}

const FILE_TYPES: Record<string, string> = {
  'text/csv': 'import.csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'import.xlsx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'import.docx',
};

export const IMPORT_CONTENT_TYPES = ['text/tab-separated-values', ...Object.keys(FILE_TYPES)];

/** The raw table of an import request: pasted text (TSV) or a file by its Content-Type, size-limited. */
export async function importBody(request: Request): Promise<{ text?: string; file?: TableFileInput }> {
  const limit = DEFAULT_UPLOAD_LIMITS.maxUploadBytes;
  const mimeType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!IMPORT_CONTENT_TYPES.includes(mimeType)) {
    throw new AppError('unsupported_media_type', `Ожидается Content-Type: ${IMPORT_CONTENT_TYPES.join(', ')}.`);
  }
  const bytes = await readBodyBytes(request, limit, `Файл больше ${formatMegabytes(limit)}.`);
  if (mimeType === 'text/tab-separated-values') return { text: new TextDecoder().decode(bytes) };
  return { file: { bytes, filename: FILE_TYPES[mimeType]!, mimeType } };
}
