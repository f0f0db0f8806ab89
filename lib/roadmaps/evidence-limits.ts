/**
 * The one size limit of evidence uploads, shared by the form (client), the proxy and the domain check. Pure, no
 * imports: the browser bundle and proxy.ts load it.
 *
 * All files of one report together may have EVIDENCE_TOTAL_MAX_BYTES; the request carrying them may have
 * EVIDENCE_REQUEST_MAX_BYTES — the value of `experimental.proxyClientMaxBodySize` and
 * `experimental.serverActions.bodySizeLimit` in next.config.js (a unit test keeps the three equal), leaving room for
 * the form's text and the multipart framing. So an upload too large for the files' limit still arrives whole and
 * gets the domain's Russian 413 message, and a request larger than the request limit is answered 413 by the proxy
 * before anything would cut it short («Unexpected end of form»).
 */
export const EVIDENCE_TOTAL_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_REQUEST_LIMIT = '12mb';
export const EVIDENCE_REQUEST_MAX_BYTES = 12 * 1024 * 1024;
export const EVIDENCE_LIMIT_TEXT = 'до 10 МБ всего';

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;

/** The Russian message for files of `total` bytes, or null when they fit. */
export function evidenceTotalProblem(total: number): string | null {
  if (total <= EVIDENCE_TOTAL_MAX_BYTES) return null;
  return `Файлы: вместе ${megabytes(total)}, допустимо ${EVIDENCE_LIMIT_TEXT}. Уменьшите файлы или приложите их к разным отчётам.`;
}

export const REQUEST_TOO_LARGE_TEXT = `Запрос слишком большой: файлы отчёта — ${EVIDENCE_LIMIT_TEXT}.`;
