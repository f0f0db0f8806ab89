import { apiRoute, MULTIPART_BODY } from '@/lib/api/route';
import { readFormBody } from '@/lib/api/body';
import { AppError } from '@/lib/errors';
import { fileResponse } from '@/lib/export';
import { openValueFile, setValueFile } from '@/lib/indicators/queries';
import { EVIDENCE_REQUEST_MAX_BYTES, REQUEST_TOO_LARGE_TEXT } from '@/lib/roadmaps/evidence-limits';
import { evidenceUploadsFromForm } from '@/lib/roadmaps/schemas';

type Params = { id: string };

const versionOf = (text: string | null): number | undefined => {
  if (text === null || text === '') return undefined;
  const version = Number(text);
  if (!Number.isInteger(version) || version < 1) throw new AppError('validation', 'Версия: целое число', [{ field: 'version', message: 'Версия: целое число' }]);
  return version;
};

/** The evidence file of a value, for readers of its organisation. Always a download (never rendered inline). */
export const GET = apiRoute<Params>(async (_request, { actor, params }) => fileResponse(await openValueFile(actor, params.id)));

/** Attaches or replaces the value's file: multipart `file` (PDF, DOCX, XLSX, JPG, PNG, TXT; up to 10 MB) and `version`. */
export const POST = apiRoute<Params>(
  async (request, { actor, params }) => {
    const form = await readFormBody(request, EVIDENCE_REQUEST_MAX_BYTES, REQUEST_TOO_LARGE_TEXT);
    const [file] = await evidenceUploadsFromForm(form.get('file'));
    if (!file) throw new AppError('validation', 'Файл: не выбран', [{ field: 'file', message: 'Файл: не выбран' }]);
    const version = versionOf(typeof form.get('version') === 'string' ? (form.get('version') as string) : null);
    return setValueFile(actor, { valueId: params.id, version, file });
  },
  { body: MULTIPART_BODY },
);

/** Removes the value's file (`?version=` the value's version read). */
export const DELETE = apiRoute<Params>(async (request, { actor, params }) =>
  setValueFile(actor, { valueId: params.id, version: versionOf(new URL(request.url).searchParams.get('version')), file: null }),
);
