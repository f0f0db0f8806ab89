import transliterate from '@sindresorhus/transliterate';

/** A file to download and its HTTP response: shared by every domain's exports. */
export interface ExportedFile {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv; charset=utf-8';

/**
 * A file name without characters file systems refuse, at most `max` characters: a longer text is cut at the end
 * of a word (never inside one, unless a single word is longer than half of `max`) and marked with «…».
 */
export function safeFileName(text: string, max: number): string {
  const clean = text.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max);
  const lastSpace = head.lastIndexOf(' ');
  if (lastSpace < max / 2) return head;
  return `${head.slice(0, lastSpace).replace(/[\s,;.–—-]+$/, '')}…`;
}

/**
 * The ASCII fallback of a file name for clients without RFC 5987: transliterated Russian (a maintained
 * transliteration table), «№» as «N», «…» as «...», quotes dropped, anything else outside printable ASCII as «_».
 */
export function asciiFileName(fileName: string): string {
  return transliterate(fileName.replace(/№/g, 'N').replace(/…/g, '...').replace(/[«»„“”]/g, ''))
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Content-Disposition of a download with a Russian file name: an ASCII fallback plus the RFC 5987 UTF-8 form. */
export function contentDisposition(fileName: string): string {
  const ascii = asciiFileName(fileName);
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A stored file read as it is sent (evidence files): its bytes arrive in slices, its size is known up front. */
export interface StreamedFile {
  stream: ReadableStream<Uint8Array>;
  size: number;
  fileName: string;
  mimeType: string;
}

/** Headers of every download: an attachment (never rendered inline, not even sandboxed), never sniffed or cached. */
function downloadHeaders(fileName: string, mimeType: string, size: number): HeadersInit {
  return {
    'Content-Type': mimeType,
    'Content-Disposition': contentDisposition(fileName),
    'Content-Length': String(size),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
  };
}

/** A file download (never rendered inline) with the Russian name encoded per RFC 5987. */
export function fileResponse(file: ExportedFile | StreamedFile): Response {
  if ('stream' in file) return new Response(file.stream, { headers: downloadHeaders(file.fileName, file.mimeType, file.size) });
  return new Response(Buffer.from(file.bytes), { headers: downloadHeaders(file.fileName, file.mimeType, file.bytes.length) });
}
