/**
 * Where a user goes after signing in. Pure functions: no framework import.
 */
import { START_PATH } from '@/lib/home/start-page';

/**
 * The page a signed-in user starts on when no other page was asked for. One function, so that a start page per
 * role can replace it without touching its callers.
 */
export function startPage(): string {
  return START_PATH;
}

/** The portal's own origin for parsing return paths: the public address, or any fixed origin when it is unset. */
export function portalOrigin(publicUrl: string | undefined = process.env.NEXTAUTH_URL): string {
  try {
    return publicUrl ? new URL(publicUrl).origin : 'http://localhost';
  } catch {
    return 'http://localhost';
  }
}

/**
 * A return address (`callbackUrl`) reduced to a path of the portal itself, or null. It is parsed with `URL`
 * against the portal's origin, exactly as a browser would resolve it, and kept only when it stays on that
 * origin: `//host`, `/\host`, `/\t/host`, `https://evil` and `javascript:` all resolve elsewhere and are refused.
 * The result is rebuilt from the parsed path, query and fragment, and refused if it could still be read as
 * protocol-relative.
 */
export function safeReturnPath(raw: string | null | undefined, origin = portalOrigin()): string | null {
  if (!raw || raw.length > 2_000) return null;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith('/') || /^\/[/\\]/.test(path)) return null;
  return path;
}

/** The login page that brings the user back to `wanted` (a path of the portal) after signing in. */
export function loginUrl(wanted: string | null | undefined): string {
  const path = safeReturnPath(wanted);
  return path && path !== '/' && !path.startsWith('/login') ? `/login?callbackUrl=${encodeURIComponent(path)}` : '/login';
}

/** The request header through which the proxy tells server components the path that was asked for. */
export const REQUESTED_PATH_HEADER = 'x-opora-path';

/** The path and query a page request asked for, without Next.js's own RSC cache-busting parameter. */
export function requestedPath(pathname: string, search: URLSearchParams): string {
  const query = new URLSearchParams(search);
  query.delete('_rsc');
  const rest = query.toString();
  return rest ? `${pathname}?${rest}` : pathname;
}
