/**
 * Cross-site request refusal, as pure functions over request headers (no framework import: the API wrapper and
 * the proxy in front of server actions both use them).
 *
 * A browser names the page that sent a request in `Origin` (every cross-origin request and every POST) and in
 * `Sec-Fetch-Site`. An unsafe request is the portal's own when its Origin is the portal's public address
 * (`NEXTAUTH_URL`) or the host the request was sent to; without Origin, when Sec-Fetch-Site says `same-origin` (or
 * `none`: typed by the user). A request with neither header does not come from a browser page — a script or an
 * integration client, which carries no one else's cookies — and is let through. A page on the same host but
 * another port is another origin and is refused, although the browser sends it the portal's cookies.
 */

export const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOrigin {
  method: string;
  /** The `Origin` header, or null. */
  origin: string | null;
  /** The `Sec-Fetch-Site` header, or null. */
  secFetchSite: string | null;
  /** The `Host` header the browser sent the request to, or null. */
  host: string | null;
  /** The portal's public address (`NEXTAUTH_URL`), when configured. */
  publicUrl?: string | null;
}

/** Origin of a URL (`https://host:port`), or null when it is not an absolute http(s) URL. */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** True when an unsafe request was sent by a page of another origin (or by an opaque `null` origin). */
export function isCrossSiteWrite(request: RequestOrigin): boolean {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return false;
  if (request.origin !== null) {
    const origin = originOf(request.origin);
    if (!origin) return true; // "null" (sandboxed frame, data: URL, privacy redirect) or garbage
    if (origin === originOf(request.publicUrl)) return false;
    const host = request.host?.trim().toLowerCase();
    return !host || new URL(origin).host !== host;
  }
  if (request.secFetchSite !== null) {
    const site = request.secFetchSite.trim().toLowerCase();
    return site !== 'same-origin' && site !== 'none';
  }
  return false;
}

/** The same check over a `Headers` object. */
export function isCrossSiteRequest(method: string, headers: Headers, publicUrl = process.env.NEXTAUTH_URL): boolean {
  return isCrossSiteWrite({
    method,
    origin: headers.get('origin'),
    secFetchSite: headers.get('sec-fetch-site'),
    host: headers.get('host'),
    publicUrl,
  });
}

export const CROSS_SITE_MESSAGE =
  'Запрос отклонён: изменять данные можно только со страниц самого портала (запрос пришёл с другого сайта).';

/** The media type of a Content-Type header, lower-cased without parameters: `application/json`. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Whether a request carries a body: a positive Content-Length or a chunked transfer. */
export function hasBody(headers: Headers): boolean {
  const length = headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  return headers.get('transfer-encoding') !== null;
}
