import { Frame } from '@/components/shell/Frame';
import { NotFoundMessage } from '@/components/shell/NotFoundMessage';
import { SiteHeader } from '@/components/shell/SiteHeader';

/** An address no route matches: the public frame (this page is prerendered and reads no session; the browser fills in the user). */
export default function NotFound() {
  return (
    <Frame header={<SiteHeader actor={null} askBrowser />}>
      <NotFoundMessage />
    </Frame>
  );
}
