import type { ReactNode } from 'react';
import { PublicFooterNote, PublicNav } from '@/components/public/PublicNav';

/** The public side for parents: no login, its own navigation and the note on data and privacy. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PublicNav />
      {children}
      <PublicFooterNote />
    </>
  );
}
