import type { MetadataRoute } from 'next';
import { DATASETS } from '@/lib/public/opendata';
import { publicIds } from '@/lib/public/queries';

export const dynamic = 'force-dynamic';

/** Every public page: home, region, explanations, each school and municipality, open data and their passports. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = (process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const { schools, municipalities } = await publicIds();
  return [
    ...['/', '/public/region', '/public/about', '/opendata'].map((path) => ({ url: `${base}${path}` })),
    ...municipalities.map((id) => ({ url: `${base}/public/municipalities/${id}` })),
    ...schools.map((id) => ({ url: `${base}/public/schools/${id}` })),
    ...DATASETS.map((d) => ({ url: `${base}/opendata/passport/${d.id}` })),
  ];
}
