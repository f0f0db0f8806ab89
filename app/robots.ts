import type { MetadataRoute } from 'next';

/** Public pages and open data may be indexed; the staff side and the API may not. */
export default function robots(): MetadataRoute.Robots {
  const base = process.env.NEXTAUTH_URL?.replace(/\/$/, '');
  return {
    rules: [{ userAgent: '*', allow: ['/', '/public/', '/opendata'], disallow: ['/api/', '/login', '/tasks', '/roadmaps', '/indicators', '/practices', '/schools', '/classification', '/reports', '/admin'] }],
    ...(base ? { sitemap: `${base}/sitemap.xml` } : {}),
  };
}
