import 'server-only';
import { AppError } from '@/lib/errors';
import { formatMegabytes } from '@/lib/tabular/limits';

/** A JSON request body of the API: far more than any form or parameter set needs. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * The body of a request, read as it streams in and stopped as soon as it passes `limit` bytes: a body sent
 * without Content-Length (chunked) costs the server at most the limit, never its whole length. A declared
 * Content-Length over the limit is refused before anything is read.
 */
export async function readBodyBytes(request: Request, limit: number, tooLarge: string): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw new AppError('payload_too_large', tooLarge);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new AppError('payload_too_large', tooLarge);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The one JSON body reader of the API, within JSON_BODY_LIMIT (the route wrapper has already refused bodies not
 * declared as `application/json`). A malformed body is a Russian 400; so is an empty one, unless `fallback` is
 * given (endpoints whose parameters are all optional).
 */
export async function readJsonBody(request: Request, options: { fallback?: unknown } = {}): Promise<unknown> {
  const bytes = await readBodyBytes(request, JSON_BODY_LIMIT, `Тело запроса больше ${formatMegabytes(JSON_BODY_LIMIT)}.`);
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') {
    if ('fallback' in options) return options.fallback;
    throw new AppError('validation', 'Ожидается тело запроса в формате JSON.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('validation', 'Тело запроса — не корректный JSON.');
  }
}

/** A multipart form read within `limit` bytes (see readBodyBytes), then parsed. */
export async function readFormBody(request: Request, limit: number, tooLarge: string): Promise<FormData> {
  const bytes = await readBodyBytes(request, limit, tooLarge);
  const headers = { 'content-type': request.headers.get('content-type') ?? '' };
  return new Response(bytes, { headers }).formData();
}
