/** «Выгрузить: XLSX CSV» — download links of one export endpoint that takes `?format=xlsx|csv`. */
export function DownloadLinks({ href, label = 'Выгрузить' }: { href: string; label?: string }) {
  const link = 'rounded border border-slate-400 bg-white px-2 py-1';
  // An address that already has a query (`?year=2022`) takes the format after `&`.
  const join = href.includes('?') ? '&' : '?';
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <span>{label}:</span>
      <a href={`${href}${join}format=xlsx`} download className={link}>
        XLSX
      </a>
      <a href={`${href}${join}format=csv`} download className={link}>
        CSV
      </a>
    </p>
  );
}
