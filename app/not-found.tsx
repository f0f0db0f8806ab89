import { Frame } from '@/components/shell/Frame';
import { NotFoundMessage } from '@/components/shell/NotFoundMessage';
import { SiteHeader } from '@/components/shell/SiteHeader';

/** An address no route matches: the anonymous frame (this page is prerendered and reads no session). */
export default function NotFound() {
  return (
    <Frame header={<SiteHeader actor={null} />}>
      <NotFoundMessage />
    </Frame>
  );
}
