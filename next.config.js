/**
 * Security headers for every response. The page Content-Security-Policy is set in proxy.ts (lib/security/csp.ts); API responses get a deny-all policy here since they are never rendered as documents.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  // A separate build folder lets several checkouts' builds and browser tests run side by side.
  distDir: process.env.OPORA_DIST_DIR || '.next',
  poweredByHeader: false,
  // No ETag: Next.js computes it by hashing the whole page in JavaScript on every response served from the page
  // cache (0.15 ms for a 96 KB school page, a tenth of what serving it costs), and nothing here revalidates by
  // ETag: the public pages' freshness is their Cache-Control and the tag revalidation (lib/public/cache.ts).
  generateEtags: false,
  // Pages and data cache: in memory, shared through Redis when REDIS_URL is set (lib/cache/handler.mjs).
  cacheHandler: require.resolve('./lib/cache/handler.mjs'),
  cacheMaxMemorySize: 0,
  // One body limit for the proxy's buffer and server actions: progress reports carry up to 10 MB of evidence files
  // (lib/roadmaps/evidence-limits.ts — EVIDENCE_REQUEST_LIMIT, kept equal by a unit test); larger requests get a
  // Russian 413 from proxy.ts before either could cut them short.
  // Subresource Integrity: Next.js puts a sha256 `integrity` on each of its script files, so a changed file is
  // refused by the browser — part of the public pages' policy without a nonce (lib/security/csp.ts).
  experimental: { proxyClientMaxBodySize: '12mb', serverActions: { bodySizeLimit: '12mb' }, sri: { algorithm: 'sha256' } },
  serverExternalPackages: ['@node-rs/argon2', '@electric-sql/pglite', '@electric-sql/pglite-socket', 'exceljs', 'piscina', '@napi-rs/canvas', 'pdfkit'],
  // The home page and search are one cached route (app/public/find): `/` is its home page, `/?q=…` one page per
  // query. A rewrite (not the proxy) so that prefetches, which skip the proxy, find the same route.
  async rewrites() {
    return {
      beforeFiles: [
        { source: '/', has: [{ type: 'query', key: 'q', value: '(?<q>.*\\S.*)' }], destination: '/public/find/:q' },
        { source: '/', destination: '/public/find' },
      ],
    };
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
      {
        source: '/api/:path*',
        headers: [
          {
            key: 'Content-Security-Policy',
            value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
          },
          { key: 'Cache-Control', value: 'no-store' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
