'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { AccountSummary } from '@/lib/auth/account';
import { SignOutButton } from './SignOutButton';

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
  if (!account.signedIn) {
    return (
      <Link href="/login" className="rounded border border-white/40 px-3 py-1 text-white no-underline hover:bg-white/10">
        Войти
      </Link>
    );
  }
  return (
    <>
      <span data-testid="current-user">
        {account.name}
        <span className="block text-xs text-white/80">
          {account.role} · {account.organisation}
        </span>
      </span>
      <Link href={account.startPath} className="rounded border border-white/40 px-3 py-1 text-white no-underline hover:bg-white/10">
        Рабочий кабинет
      </Link>
      <SignOutButton />
    </>
  );
}
