import { PERIOD_OPTIONS } from '@/lib/indicators/period-options';

/** The year and period fields of the entry screens' «Показать» form (both grids ask for the same period). */
export function PeriodFields({ year, quarter, yearLabel = 'Год' }: { year: number; quarter: number; yearLabel?: string }) {
  return (
    <>
      <label className="flex flex-col">
        <span className="font-medium">{yearLabel}</span>
        <input name="year" defaultValue={year} inputMode="numeric" className="w-24 rounded border border-slate-400 px-2 py-1" />
      </label>
      <label className="flex flex-col">
        <span className="font-medium">Период</span>
        <select name="quarter" defaultValue={String(quarter)} className="rounded border border-slate-400 px-2 py-1">
          {PERIOD_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
