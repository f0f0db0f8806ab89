import type { ReactNode } from 'react';
import { Frame } from '@/components/shell/Frame';
import { SiteHeader } from '@/components/shell/SiteHeader';
import { getActor } from '@/lib/auth/session';

/** The sign-in page keeps the staff side's frame (and its per-request CSP nonce, see proxy.ts). */
export default async function LoginLayout({ children }: { children: ReactNode }) {
  return <Frame header={<SiteHeader actor={await getActor()} />}>{children}</Frame>;
}
