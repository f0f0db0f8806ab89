import type { ReactNode } from 'react';
import { requireActor } from '@/lib/auth/session';
import { requireRight } from '@/lib/page-guard';

/** Administration pages exist only for roles with administrative rights; each page's data is checked again below. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  requireRight(await requireActor(), 'admin.access');
  return children;
}
