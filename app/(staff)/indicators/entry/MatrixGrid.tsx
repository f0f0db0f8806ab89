'use client';

import { useActionState, type KeyboardEvent } from 'react';
import { formKey, FormStatus, SubmitButton } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';
import type { CellTexts } from '@/lib/indicators/matrix-form';
import { ROMAN_QUARTERS } from '@/lib/indicators/quarters';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export interface MatrixColumn {
  indicatorId: string;
  code: string;
  name: string;
  unit: string;
  /** A share (percent): the cell takes numerator and denominator too. */
  share: boolean;
}

export interface MatrixGridCell {
  /** What the inputs show (value, numerator, denominator, comment). */
  texts: CellTexts;
  version: string;
  /** Derived from the quarters (a quarterly indicator on a year grid): shown, not typed. */
  derived: string | null;
  /** Ready-formatted (ru-RU) facts shown under the inputs. */
  target: string | null;
  lastYear: string | null;
  outlier: string | null;
  file: { href: string; name: string } | null;
}

export interface MatrixGridRow {
  organisationId: string;
  year: number;
  /** The row's heading: the organisation, or the year on the one-organisation grid. */
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

const INPUT = 'rounded border border-slate-400 px-2 py-1 aria-[invalid=true]:border-red-700 disabled:bg-slate-100';

/**
 * Rows (organisations, or the years of one organisation) × indicators: per cell the value (for a share also the
 * numerator and denominator) and a comment, the target and last year's value under them; errors under the cell.
 */
export function MatrixGrid({
  action,
  year,
  quarter,
  caption,
  rowHeader,
  columns,
  rows,
}: {
  action: Action;
  year: number;
  quarter: number;
  caption: string;
  /** «Организация» or «Год». */
  rowHeader: string;
  columns: MatrixColumn[];
  rows: MatrixGridRow[];
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const typed = (name: string, fallback: string) => (state.status === 'error' ? (state.values[name] ?? fallback) : fallback);
  const anyEditable = rows.some((r) => r.editable);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-3" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="quarter" value={quarter} />
      {columns.map((c, j) => (
        <input key={c.indicatorId} type="hidden" name={`ind.${j}`} value={c.indicatorId} />
      ))}
      <div className="overflow-x-auto">
        <table className="min-w-full border-collapse text-sm" data-testid="matrix-grid" onKeyDown={moveVertically}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="align-bottom">
              <th scope="col" className="sticky left-0 bg-white py-2 pr-3 text-left">
                {rowHeader}
              </th>
              {columns.map((c) => (
                <th key={c.indicatorId} scope="col" className="min-w-36 px-2 py-2 text-left font-medium" title={c.name}>
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
              <tr key={`${r.organisationId}:${r.year}`} className="border-t border-slate-200 align-top">
                <th scope="row" className="sticky left-0 bg-white py-2 pr-3 text-left font-normal">
                  <span className="font-medium">{r.name}</span> <span className="text-slate-700">({r.kind})</span>
                  <input type="hidden" name={`org.${i}`} value={r.organisationId} />
                  <input type="hidden" name={`y.${i}`} value={r.year} />
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
                  const label = `${r.name} — показатель ${column.code}`;
                  const facts = (
                    <span id={`${name}-facts`} className="mt-0.5 block text-xs text-slate-700">
                      {[cell.target ? `цель ${cell.target}` : null, cell.lastYear ? `${quarter === 0 ? '' : `${ROMAN_QUARTERS[quarter]} кв. `}${r.year - 1}: ${cell.lastYear}` : null].filter(Boolean).join(' · ') || 'нет цели'}
                    </span>
                  );
                  const file = cell.file && (
                    <a href={cell.file.href} className="block max-w-48 truncate text-xs underline" download>
                      Файл: {cell.file.name}
                    </a>
                  );
                  if (cell.derived !== null) {
                    return (
                      <td key={column.indicatorId} className="px-2 py-2">
                        <span className="font-medium">{cell.derived || '—'}</span>
                        <span className="block text-xs text-slate-700">по кварталам</span>
                        {facts}
                      </td>
                    );
                  }
                  const error = state.status === 'error' ? state.fieldErrors[name] : undefined;
                  const described = [error ? `${name}-error` : '', `${name}-facts`, cell.outlier ? `${name}-outlier` : ''].filter(Boolean).join(' ');
                  const common = { disabled: !r.editable, 'data-row': i, 'aria-invalid': error ? true : undefined, 'aria-describedby': described } as const;
                  return (
                    <td key={column.indicatorId} className="px-2 py-2">
                      <input type="hidden" name={`o.${i}.${j}`} value={JSON.stringify(cell.texts)} />
                      <input type="hidden" name={`v.${i}.${j}`} value={cell.version} />
                      <input name={name} aria-label={`${label}: значение`} className={`w-24 ${INPUT}`} defaultValue={typed(name, cell.texts.c)} inputMode="decimal" data-col={j} {...common} />
                      {column.share && (
                        <span className="mt-1 flex gap-1">
                          <input name={`n.${i}.${j}`} aria-label={`${label}: числитель`} placeholder="числ." className={`w-16 ${INPUT}`} defaultValue={typed(`n.${i}.${j}`, cell.texts.n)} inputMode="numeric" data-col={`${j}n`} {...common} />
                          <input name={`d.${i}.${j}`} aria-label={`${label}: знаменатель`} placeholder="знам." className={`w-16 ${INPUT}`} defaultValue={typed(`d.${i}.${j}`, cell.texts.d)} inputMode="numeric" data-col={`${j}d`} {...common} />
                        </span>
                      )}
                      <input name={`k.${i}.${j}`} aria-label={`${label}: комментарий`} placeholder="комментарий" className={`mt-1 w-32 text-xs ${INPUT}`} defaultValue={typed(`k.${i}.${j}`, cell.texts.k)} data-col={`${j}k`} disabled={!r.editable} data-row={i} />
                      {facts}
                      {file}
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
        Доля (процент) вводится числителем и знаменателем — значение считается само (× 100), — или числом; в поле значения можно
        ввести и «3/4» («3 из 4»). У каждой ячейки — комментарий. Enter и стрелки ↑↓ переходят по столбцу, Tab — по строке.
        Сохраняются только изменённые ячейки, все вместе или ни одна: при ошибке в одной ячейке не записывается ничего, ошибки
        показаны под ячейками.
      </p>
      {anyEditable && <SubmitButton>Сохранить значения</SubmitButton>}
    </form>
  );
}
