/**
 * Security headers for every response. The page Content-Security-Policy carries a per-request nonce and is set
 * in proxy.ts; API responses get a deny-all policy here since they are never rendered as documents.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  // A separate build folder lets several checkouts' builds and browser tests run side by side.
  distDir: process.env.OPORA_DIST_DIR || '.next',
  poweredByHeader: false,
  // One body limit for the proxy's buffer and server actions: progress reports carry up to 10 MB of evidence files
  // (lib/roadmaps/evidence-limits.ts — EVIDENCE_REQUEST_LIMIT, kept equal by a unit test); larger requests get a
  // Russian 413 from proxy.ts before either could cut them short.
  experimental: { proxyClientMaxBodySize: '12mb', serverActions: { bodySizeLimit: '12mb' } },
  serverExternalPackages: ['@node-rs/argon2', '@electric-sql/pglite', '@electric-sql/pglite-socket', 'exceljs', 'piscina', '@napi-rs/canvas', 'pdfkit'],
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
