import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Опора — поддержка школ', template: '%s · Опора' },
  description: 'Портал поддержки школ с низкими образовательными результатами и школ, работающих в сложных условиях',
};

/**
 * The document only. It reads neither the session nor the request: the staff layout (app/(staff)/layout.tsx) and
 * the login page put the signed-in header in their frame, the public pages an anonymous one, so the public pages
 * stay static and are served from the page cache (see lib/public/cache.ts).
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ru">
      <body className="flex min-h-screen flex-col">{children}</body>
    </html>
  );
}
