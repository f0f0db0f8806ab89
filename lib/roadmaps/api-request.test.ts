import { describe, expect, it } from 'vitest';
import { fileResponse, importBody } from './api-request';

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
    await expect(importBody(post(new Uint8Array(10 * 1024 * 1024 + 1), 'text/csv'))).rejects.toMatchObject({ code: 'payload_too_large' });
  });
});

describe('file response', () => {
  it('sends the bytes with the RFC 5987 file name and no sniffing', async () => {
    const response = fileResponse({ bytes: new Uint8Array([1, 2]), fileName: 'Отчёт.csv', mimeType: 'text/csv' });
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="_____.csv"; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82.csv`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2]));
  });
});
