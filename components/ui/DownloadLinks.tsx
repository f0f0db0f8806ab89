/** «Выгрузить: XLSX CSV» — download links of one export endpoint that takes `?format=xlsx|csv`. */
export function DownloadLinks({ href, label = 'Выгрузить' }: { href: string; label?: string }) {
  const link = 'rounded border border-slate-400 bg-white px-2 py-1';
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <span>{label}:</span>
      <a href={`${href}?format=xlsx`} download className={link}>
        XLSX
      </a>
      <a href={`${href}?format=csv`} download className={link}>
        CSV
      </a>
    </p>
  );
}
