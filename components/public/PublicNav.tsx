import Link from 'next/link';

const LINKS = [
  { href: '/', label: 'Поиск школы' },
  { href: '/public/region', label: 'Регион' },
  { href: '/public/practices', label: 'Банк практик' },
  { href: '/opendata', label: 'Открытые данные' },
  { href: '/public/about', label: 'Как читать эти данные' },
];

/** The navigation of the public side (no login needed), above the page content. */
export function PublicNav() {
  return (
    <nav aria-label="Разделы для родителей" className="mb-6 border-b border-slate-200 pb-3 print:hidden">
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="inline-block py-1 font-medium">
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** What every public page says at its foot: the privacy rule and where the data come from. */
export function PublicFooterNote() {
  return (
    <aside aria-label="О данных" className="mt-10 border-t border-slate-200 pt-4 text-sm text-slate-700">
      <p>
        Данные открыты для всех, вход не нужен. Величины, рассчитанные меньше чем по 10 ученикам, не публикуются.{' '}
        <Link href="/public/about">Как читать эти данные</Link> · <Link href="/opendata">Открытые данные</Link>
      </p>
    </aside>
  );
}
