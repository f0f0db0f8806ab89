import { formatNumber } from '@/lib/format/ru';
import { STATUS_LABELS } from '@/lib/indicators/status';
import type { ListMovement } from '@/lib/public/movements';
import type { PublicIndicatorRow } from '@/lib/public/queries';
import { Figure } from './Figure';

/** A public table's column headings. */
function Head({ labels }: { labels: readonly string[] }) {
  return (
    <thead className="bg-slate-100">
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col" className="px-2 py-1 text-left">{label}</th>
        ))}
      </tr>
    </thead>
  );
}

/** Approved indicator values against their targets (school and region pages); a suppressed value says so. */
export function IndicatorTable({ rows }: { rows: readonly PublicIndicatorRow[] }) {
  return (
    <table className="min-w-full text-sm">
      <Head labels={['Показатель', 'Год', 'Значение', 'Цель', 'Итог']} />
      <tbody>
        {rows.map((i) => (
          <tr key={i.id} className="border-t border-slate-200">
            <th scope="row" className="px-2 py-1 text-left font-normal">{i.name}</th>
            <td className="px-2 py-1">{i.year}</td>
            <td className="px-2 py-1"><Figure value={i.value} /></td>
            <td className="px-2 py-1">{formatNumber(i.target)}</td>
            <td className="px-2 py-1">{STATUS_LABELS[i.status]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Schools in the programme by year, and how many entered and left it (municipality and region pages). */
export function MovementsTable({ rows, inProgrammeLabel = 'В программе' }: { rows: readonly ListMovement[]; inProgrammeLabel?: string }) {
  return (
    <table className="min-w-full text-sm">
      <Head labels={['Год', inProgrammeLabel, 'Вошли', 'Вышли']} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.year} className="border-t border-slate-200">
            <th scope="row" className="px-2 py-1 text-left">{row.year}</th>
            <td className="px-2 py-1">{formatNumber(row.inProgramme)}</td>
            <td className="px-2 py-1">{formatNumber(row.entered)}</td>
            <td className="px-2 py-1">{formatNumber(row.left)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
