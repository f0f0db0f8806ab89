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
          <th key={label} scope="col">{label}</th>
        ))}
      </tr>
    </thead>
  );
}

/** Approved indicator values against their targets (school and region pages); a suppressed value says so. */
export function IndicatorTable({ rows }: { rows: readonly PublicIndicatorRow[] }) {
  return (
    <table className="public-table min-w-full text-sm">
      <Head labels={['Показатель', 'Год', 'Значение', 'Цель', 'Итог']} />
      <tbody>
        {rows.map((i) => (
          <tr key={i.id}>
            <th scope="row" className="font-normal">{i.name}</th>
            <td>{i.year}</td>
            <td><Figure value={i.value} /></td>
            <td>{formatNumber(i.target)}</td>
            <td>{STATUS_LABELS[i.status]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Schools in the programme by year, and how many entered and left it (municipality and region pages). */
export function MovementsTable({ rows, inProgrammeLabel = 'В программе' }: { rows: readonly ListMovement[]; inProgrammeLabel?: string }) {
  return (
    <table className="public-table min-w-full text-sm">
      <Head labels={['Год', inProgrammeLabel, 'Вошли', 'Вышли']} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.year}>
            <th scope="row">{row.year}</th>
            <td>{formatNumber(row.inProgramme)}</td>
            <td>{formatNumber(row.entered)}</td>
            <td>{formatNumber(row.left)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
