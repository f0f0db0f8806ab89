import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

/**
 * The floor of `npm run bench:public` for a search never asked before: a page of the same kind as the search
 * page (rendered on its first request, then kept in the one-off cache), under the same public layout, that reads
 * nothing. A new number on every request renders it anew each time, so no page rendered per request can be
 * faster than this one. Not linked from anywhere and not indexed.
 */
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { n: string }[] {
  return [];
}

export const metadata: Metadata = { title: 'Опорная страница замера (отрисовка на запрос)', robots: { index: false, follow: false } };

export default async function BenchDynamicPage({ params }: { params: Promise<{ n: string }> }) {
  const { n } = await params;
  // The benchmark asks for «<process>x<request>»; anything else is not a page.
  if (!/^\d{1,10}x\d{1,10}$/.test(n)) notFound();
  return <p>Опорная страница для замера: отрисована для запроса {n}.</p>;
}
