import type { ReactNode } from 'react';

/**
 * The page frame under the root layout: skip link, the given header, the main column and the footer. The root
 * layout itself reads nothing of the request, so the public pages can be prerendered and cached; the staff side
 * passes a header with the signed-in user, the public side the anonymous one.
 */
export function Frame({ header, children }: { header: ReactNode; children: ReactNode }) {
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
        Перейти к содержанию
      </a>
      {header}
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white py-4 text-center text-sm text-slate-600">
        Опора — портал поддержки школ с низкими результатами и школ в неблагоприятных социальных условиях
      </footer>
    </>
  );
}
