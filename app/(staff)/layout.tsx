import type { ReactNode } from 'react';
import { Frame } from '@/components/shell/Frame';
import { SiteHeader } from '@/components/shell/SiteHeader';
import { requireActor } from '@/lib/auth/session';

/** Staff area: sends anonymous visitors to the login page. Permissions themselves are checked in the data layer. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return <Frame header={<SiteHeader actor={actor} />}>{children}</Frame>;
}
