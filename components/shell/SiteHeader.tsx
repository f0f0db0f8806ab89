import Link from 'next/link';
import { accountSummary } from '@/lib/auth/account';
import type { Actor } from '@/lib/auth/actor';
import { navigationFor } from '@/lib/auth/navigation';
import { AccountBadge } from './AccountBadge';
import { UserArea } from './UserArea';

/**
 * The header: the portal's name, the menu of the signed-in user's sections and the user area. Pages rendered per
 * request pass the actor; the cached public pages pass `actor={null} askBrowser`, and the browser fills in the
 * user area (AccountBadge).
 */
export function SiteHeader({ actor, askBrowser = false }: { actor: Actor | null; askBrowser?: boolean }) {
  const items = navigationFor(actor);
  const links = (
    <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap md:gap-4">
      {items.map((item) => (
        <li key={item.href}>
          <Link href={item.href} className="block py-1 text-white no-underline hover:underline">
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-white no-underline">
          Опора
        </Link>
        {items.length > 0 && (
          <>
            <nav aria-label="Основное меню" className="hidden md:block">
              {links}
            </nav>
            <details className="md:hidden">
              <summary className="cursor-pointer rounded border border-white/40 px-3 py-1 text-sm">Меню</summary>
              <nav aria-label="Основное меню (мобильное)" className="mt-2">
                {links}
              </nav>
            </details>
          </>
        )}
        <div className="ml-auto flex items-center gap-3 text-sm">
          {actor || !askBrowser ? <UserArea account={accountSummary(actor)} /> : <AccountBadge />}
        </div>
      </div>
    </header>
  );
}
