import type { Metadata } from 'next';

/**
 * The reference of `npm run bench:public`: a minimal page prerendered at build time (no data, no session), the
 * ceiling the public pages' throughput is compared with. Not linked from anywhere and not indexed.
 */
export const dynamic = 'force-static';

export const metadata: Metadata = { title: 'Опорная страница замера', robots: { index: false, follow: false } };

export default function BenchStaticPage() {
  return <p>Опорная страница для замера скорости открытых страниц.</p>;
}
