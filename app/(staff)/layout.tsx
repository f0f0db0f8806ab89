import type { ReactNode } from 'react';
import { requireActor } from '@/lib/auth/session';

/** Staff area: sends anonymous visitors to the login page. Permissions themselves are checked in the data layer. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  await requireActor();
  return children;
}
