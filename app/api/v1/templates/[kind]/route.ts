import { apiRoute } from '@/lib/api/route';
import { AppError } from '@/lib/errors';
import { buildXlsx, fileResponse, XLSX_MIME } from '@/lib/export';
import { importTemplate, TEMPLATE_KINDS, type TemplateKind } from '@/lib/templates';

const isKind = (kind: string): kind is TemplateKind => (TEMPLATE_KINDS as readonly string[]).includes(kind);

/** An import template as XLSX: the expected columns and example rows, with a sheet explaining each column. */
export const GET = apiRoute<{ kind: string }>(async (_request, { params }) => {
  if (!isKind(params.kind)) throw new AppError('not_found', 'Такого шаблона импорта нет.');
  const template = importTemplate(params.kind);
  return fileResponse({ bytes: await buildXlsx(template.sheets), fileName: template.fileName, mimeType: XLSX_MIME });
});
