/** A small GET form of selects (which school and year, which run and municipality): the choice lives in the URL. */
export interface PickerSelect {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}

// Capped like the table filters (DataTable): a long run name must not widen the page on a phone.
const selectClass = 'mt-1 block w-full max-w-md truncate rounded border border-slate-400 bg-white px-2 py-1.5 text-slate-900';

export function PickerForm({ selects, submitLabel, label }: { selects: PickerSelect[]; submitLabel: string; label: string }) {
  return (
    <form method="get" aria-label={label} className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-4">
      {selects.map((s) => (
        <div key={s.name} className="min-w-0 max-w-full text-sm">
          <label htmlFor={`picker-${s.name}`} className="font-medium text-slate-800">
            {s.label}
          </label>
          <select id={`picker-${s.name}`} name={s.name} defaultValue={s.value} className={selectClass}>
            {s.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit" className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100">
        {submitLabel}
      </button>
    </form>
  );
}
