/**
 * The pages' Content-Security-Policy (set by proxy.ts). Two policies:
 *
 * - Staff pages (everything signed-in, the login page and any path not named public below): a fresh nonce per
 *   request with 'strict-dynamic' — only scripts Next.js rendered for this very response run. These pages are
 *   rendered per request anyway (they read the session).
 * - Public pages (home and search, /public, /opendata): prerendered once and served from the page cache to every
 *   reader, so no per-request nonce can be in their HTML. Their policy allows scripts from the portal itself
 *   (whose files carry Subresource Integrity hashes, next.config.js `experimental.sri`) and the inline `<script>`
 *   elements Next.js writes for hydration ('unsafe-inline' for script elements only, as Next.js documents for
 *   static pages); inline event-handler attributes (`onerror=` and the like) stay forbidden, as do plugins,
 *   foreign origins, `<base>`, framing and posting forms elsewhere. These pages hold no session, no personal
 *   data and no input of one reader shown to another; the search text is escaped by React.
 */

/** Paths served to parents without login from the page cache. */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === '/' ||
    pathname === '/public' ||
    pathname.startsWith('/public/') ||
    pathname === '/opendata' ||
    pathname.startsWith('/opendata/') ||
    pathname === '/robots.txt' ||
    pathname === '/sitemap.xml'
  );
}

const COMMON = [
  "default-src 'self'",
  // Inline style attributes are needed for computed widths (progress bars, timelines); styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The staff pages' policy with this request's nonce. */
export function staffPolicy(nonce: string, dev: boolean): string {
  return [`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`, ...COMMON].join('; ');
}

/** The public pages' policy: the same for every response, so the pages can be cached whole. */
export function publicPolicy(dev: boolean): string {
  return [
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "script-src-attr 'none'",
    ...COMMON,
  ].join('; ');
}
