import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { importBody } from '@/lib/roadmaps/api-request';
import { readBodyBytes, readJsonBody } from './body';
import { readImportUpload } from './upload';

const MIB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A body sent without Content-Length: `total` bytes in chunks made only when the reader asks for them. */
function chunkedRequest(total: number, contentType: string, first = new Uint8Array(0)) {
  let produced = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced === 0 && first.length > 0) {
        produced += first.length;
        controller.enqueue(first);
        return;
      }
      if (produced >= total) return controller.close();
      const size = Math.min(CHUNK, total - produced);
      produced += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  const request = new Request('http://localhost/api/v1/x', { method: 'POST', body, headers: { 'content-type': contentType }, duplex: 'half' } as RequestInit);
  expect(request.headers.get('content-length')).toBeNull();
  return { request, produced: () => produced };
}

describe('request bodies read with a running cap', () => {
  it('stops a 300 MB chunked body at the limit with a Russian 413', async () => {
    const { request, produced } = chunkedRequest(300 * MIB, 'application/octet-stream');
    await expect(readBodyBytes(request, 10 * MIB, 'Файл больше 10 МБ.')).rejects.toMatchObject({ code: 'payload_too_large', message: 'Файл больше 10 МБ.' });
    expect(produced()).toBeLessThan(10 * MIB + 4 * CHUNK);
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const request = new Request('http://localhost/x', { method: 'POST', body: 'abc', headers: { 'content-length': String(11 * MIB) } });
    await expect(readBodyBytes(request, 10 * MIB, 'слишком большой')).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('reads JSON within 1 MB, with a fallback for optional bodies', async () => {
    const post = (body: string) => new Request('http://localhost/x', { method: 'POST', body });
    expect(await readJsonBody(post('{"year":2024}'))).toEqual({ year: 2024 });
    expect(await readJsonBody(post(''), { fallback: {} })).toEqual({});
    await expect(readJsonBody(post(''))).rejects.toMatchObject({ code: 'validation', message: 'Ожидается тело запроса в формате JSON.' });
    await expect(readJsonBody(post('{'))).rejects.toMatchObject({ code: 'validation', message: 'Тело запроса — не корректный JSON.' });
    await expect(readJsonBody(post('{'), { fallback: {} })).rejects.toMatchObject({ code: 'validation' });
    const { request, produced } = chunkedRequest(50 * MIB, 'application/json');
    await expect(readJsonBody(request)).rejects.toMatchObject({ code: 'payload_too_large', message: 'Тело запроса больше 1 МБ.' });
    expect(produced()).toBeLessThan(MIB + 4 * CHUNK);
  });

  it('stops a chunked multipart import upload and a chunked road-map import at 10 MB', async () => {
    const upload = chunkedRequest(300 * MIB, 'multipart/form-data; boundary=x');
    await expect(readImportUpload(upload.request, z.unknown())).rejects.toMatchObject({ code: 'payload_too_large', message: 'Файл больше 10 МБ.' });
    expect(upload.produced()).toBeLessThan(11 * MIB);
    const roadmap = chunkedRequest(300 * MIB, 'text/csv');
    await expect(importBody(roadmap.request)).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(roadmap.produced()).toBeLessThan(11 * MIB);
  });

  it('still reads a multipart upload sent in chunks', async () => {
    const form = new FormData();
    form.set('file', new File(['ОГРН;Название\n1;Школа\n'], 'schools.csv', { type: 'text/csv' }));
    form.set('headerRow', '0');
    const encoded = new Response(form);
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const { request } = chunkedRequest(bytes.length, encoded.headers.get('content-type') ?? '', bytes);
    const upload = await readImportUpload(request, z.unknown());
    expect(upload.file.filename).toBe('schools.csv');
    expect(new TextDecoder().decode(upload.file.bytes)).toBe('ОГРН;Название\n1;Школа\n');
    expect(upload.headerRow).toBe(0);
  });
});
