'use client';

import { useActionState, type KeyboardEvent } from 'react';
import { formKey, FormStatus, SubmitButton } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export interface MatrixColumn {
  indicatorId: string;
  code: string;
  name: string;
  unit: string;
}

export interface MatrixGridCell {
  text: string;
  version: string;
  /** Ready-formatted (ru-RU) facts shown under the input. */
  target: string | null;
  lastYear: string | null;
  outlier: string | null;
}

export interface MatrixGridRow {
  organisationId: string;
  name: string;
  /** «школа», «муниципалитет»… */
  kind: string;
  editable: boolean;
  /** Why a row is read-only, in words (period submitted or approved, no right). */
  note: string | null;
  cells: (MatrixGridCell | null)[];
}

/** Enter and ↓ go to the same column of the next row, ↑ to the previous one; Tab moves along the row. */
function moveVertically(event: KeyboardEvent<HTMLTableElement>) {
  const input = event.target as HTMLInputElement;
  if (input.tagName !== 'INPUT' || !input.dataset.row) return;
  const step = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' || event.key === 'Enter' ? 1 : 0;
  if (step === 0) return;
  event.preventDefault();
  const column = input.dataset.col;
  const inputs = [...event.currentTarget.querySelectorAll<HTMLInputElement>(`input[data-col="${column}"]:not([disabled])`)];
  const next = inputs[inputs.indexOf(input) + step];
  next?.focus();
  next?.select();
}

/** Organisations × indicators for a year: one input per cell, the target and last year's value under it. */
export function MatrixGrid({ action, year, columns, rows }: { action: Action; year: number; columns: MatrixColumn[]; rows: MatrixGridRow[] }) {
  const [state, formAction] = useActionState(action, IDLE);
  const typed = (name: string, fallback: string) => (state.status === 'error' ? (state.values[name] ?? fallback) : fallback);
  const anyEditable = rows.some((r) => r.editable);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-3" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="year" value={year} />
      {columns.map((c, j) => (
        <input key={c.indicatorId} type="hidden" name={`ind.${j}`} value={c.indicatorId} />
      ))}
      <div className="overflow-x-auto">
        <table className="min-w-full border-collapse text-sm" data-testid="matrix-grid" onKeyDown={moveVertically}>
          <caption className="sr-only">Значения показателей за {year} год по организациям</caption>
          <thead>
            <tr className="align-bottom">
              <th scope="col" className="sticky left-0 bg-white py-2 pr-3 text-left">
                Организация
              </th>
              {columns.map((c) => (
                <th key={c.indicatorId} scope="col" className="min-w-32 px-2 py-2 text-left font-medium" title={c.name}>
                  <abbr title={c.name} className="no-underline">
                    {c.code}
                  </abbr>
                  <span className="block text-xs font-normal text-slate-700">{c.unit}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.organisationId} className="border-t border-slate-200 align-top">
                <th scope="row" className="sticky left-0 bg-white py-2 pr-3 text-left font-normal">
                  <span className="font-medium">{r.name}</span> <span className="text-slate-700">({r.kind})</span>
                  <input type="hidden" name={`org.${i}`} value={r.organisationId} />
                  {r.note && <span className="block text-xs text-slate-700">{r.note}</span>}
                </th>
                {r.cells.map((cell, j) => {
                  const column = columns[j]!;
                  if (!cell) {
                    return (
                      <td key={column.indicatorId} className="px-2 py-2 text-slate-500">
                        <span aria-label={`${column.code}: не собирается на этом уровне`}>—</span>
                      </td>
                    );
                  }
                  const name = `c.${i}.${j}`;
                  const error = state.status === 'error' ? state.fieldErrors[name] : undefined;
                  const described = [error ? `${name}-error` : '', `${name}-facts`, cell.outlier ? `${name}-outlier` : ''].filter(Boolean).join(' ');
                  return (
                    <td key={column.indicatorId} className="px-2 py-2">
                      <input type="hidden" name={`o.${i}.${j}`} value={cell.text} />
                      <input type="hidden" name={`v.${i}.${j}`} value={cell.version} />
                      <input
                        name={name}
                        aria-label={`${r.name} — показатель ${column.code}: значение`}
                        className="w-24 rounded border border-slate-400 px-2 py-1 aria-[invalid=true]:border-red-700 disabled:bg-slate-100"
                        defaultValue={typed(name, cell.text)}
                        inputMode="decimal"
                        disabled={!r.editable}
                        data-row={i}
                        data-col={j}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={described}
                      />
                      <span id={`${name}-facts`} className="mt-0.5 block text-xs text-slate-700">
                        {[cell.target ? `цель ${cell.target}` : null, cell.lastYear ? `${year - 1}: ${cell.lastYear}` : null].filter(Boolean).join(' · ') || 'нет цели'}
                      </span>
                      {cell.outlier && (
                        <span id={`${name}-outlier`} className="block text-xs text-amber-900">
                          Проверьте: {cell.outlier}
                        </span>
                      )}
                      {error && (
                        <span id={`${name}-error`} role="alert" className="block max-w-48 text-xs font-medium text-red-700">
                          {error}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-700">
        Доля вводится числом или как «числитель/знаменатель» («3/4», «3 из 4»). Enter и стрелки ↑↓ переходят по столбцу, Tab — по
        строке. Сохраняются только изменённые ячейки, все вместе или ни одна.
      </p>
      {anyEditable && <SubmitButton>Сохранить значения</SubmitButton>}
    </form>
  );
}
