import type { ReactNode } from 'react';
import { PublicFooterNote, PublicNav } from '@/components/public/PublicNav';
import { Frame } from '@/components/shell/Frame';
import { SiteHeader } from '@/components/shell/SiteHeader';

/**
 * The public side for parents: no login, its own navigation and the note on data and privacy. It never reads
 * the session, so its pages are prerendered and served from the page cache; a signed-in user's name and the
 * link back to work are filled in by the browser (AccountBadge).
 */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <Frame header={<SiteHeader actor={null} askBrowser />}>
      {/* Links inside running text are underlined, so they are told from the text by more than colour (WCAG 1.4.1). */}
      <div className="[&_p_a]:underline">
        <PublicNav />
        {children}
        <PublicFooterNote />
      </div>
    </Frame>
  );
}
