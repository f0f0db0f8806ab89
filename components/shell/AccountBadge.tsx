'use client';

import { useEffect, useState } from 'react';
import type { AccountSummary } from '@/lib/auth/account';
import { UserArea } from './UserArea';

/**
 * The user area of the public pages' header. Those pages are one cached copy for every reader, so the server
 * cannot put the user in them: the page comes with «Войти», and the browser then asks /api/me and, for a
 * signed-in user, shows the name, a link back to work and «Выйти».
 */
export function AccountBadge() {
  const [account, setAccount] = useState<AccountSummary>({ signedIn: false });
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/me', { cache: 'no-store', credentials: 'same-origin', signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<AccountSummary>) : null))
      .then((summary) => summary && setAccount(summary))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return <UserArea account={account} workLink />;
}
