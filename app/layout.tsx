import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/shell/SiteHeader';
import { getActor } from '@/lib/auth/session';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Опора — поддержка школ', template: '%s · Опора' },
  description: 'Портал поддержки школ с низкими образовательными результатами и школ, работающих в сложных условиях',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <html lang="ru">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          Перейти к содержанию
        </a>
        <SiteHeader actor={actor} />
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white py-4 text-center text-sm text-slate-600">
          Опора — портал поддержки школ с низкими результатами и школ в неблагоприятных социальных условиях
        </footer>
      </body>
    </html>
  );
}
