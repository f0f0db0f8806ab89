import Link from 'next/link';
import type { AccountSummary } from '@/lib/auth/account';
import { SignOutButton } from './SignOutButton';

const BUTTON = 'rounded border border-white/40 px-3 py-1 text-white no-underline hover:bg-white/10';

/**
 * The header's user area, one markup for both headers: «Войти» for a reader who is not signed in; else the name,
 * role and organisation, a link back to work where the page is not a work page (`workLink`) and «Выйти».
 */
export function UserArea({ account, workLink = false }: { account: AccountSummary; workLink?: boolean }) {
  if (!account.signedIn) {
    return (
      <Link href="/login" className={BUTTON}>
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
      {workLink && (
        <Link href={account.startPath} className={BUTTON}>
          Рабочий кабинет
        </Link>
      )}
      <SignOutButton />
    </>
  );
}
