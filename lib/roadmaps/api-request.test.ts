import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS } from '@/lib/tabular';
import { formatMegabytes } from '@/lib/tabular/limits';
import { importBody } from './api-request';

const post = (body: BodyInit, contentType: string) => new Request('http://localhost/api/v1/roadmaps/x/import', { method: 'POST', body, headers: { 'content-type': contentType } });

describe('import request body', () => {
  it('reads TSV as pasted text and CSV / XLSX / DOCX as files', async () => {
    expect(await importBody(post('№\tМероприятие', 'text/tab-separated-values; charset=utf-8'))).toEqual({ text: '№\tМероприятие' });
    const csv = await importBody(post('№;Мероприятие', 'text/csv'));
    expect(csv.file).toMatchObject({ filename: 'import.csv', mimeType: 'text/csv' });
    const docx = await importBody(post(new Uint8Array([0x50, 0x4b]), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
    expect(docx.file?.filename).toBe('import.docx');
  });

  it('refuses other types and bodies over 10 MB', async () => {
    await expect(importBody(post('{}', 'application/json'))).rejects.toMatchObject({ code: 'unsupported_media_type' });
    await expect(importBody(post(new Uint8Array(DEFAULT_UPLOAD_LIMITS.maxUploadBytes + 1), 'text/csv'))).rejects.toMatchObject({ code: 'payload_too_large', message: `Файл больше ${formatMegabytes(DEFAULT_UPLOAD_LIMITS.maxUploadBytes)}.` });
  });
});
