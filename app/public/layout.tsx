import type { ReactNode } from 'react';
import { PublicFooterNote, PublicNav } from '@/components/public/PublicNav';

/** The public side for parents: no login, its own navigation and the note on data and privacy. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    // Links inside running text are underlined, so they are told from the text by more than colour (WCAG 1.4.1).
    <div className="[&_p_a]:underline">
      <PublicNav />
      {children}
      <PublicFooterNote />
    </div>
  );
}
