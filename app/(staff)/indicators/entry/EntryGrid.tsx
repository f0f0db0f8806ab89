'use client';

import { useActionState } from 'react';
import { formKey, FormStatus, SubmitButton } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export interface GridRow {
  indicatorId: string;
  code: string;
  name: string;
  unit: string;
  /** Share units take numerator and denominator too. */
  share: boolean;
  value: string;
  numerator: string;
  denominator: string;
  comment: string;
  version: string;
  /** Shown beside the cell, ready-formatted (ru-RU). */
  target: string;
  lastYear: string;
  outlier: string | null;
  /** A quarterly indicator on the year grid: its figure, derived from the quarters (read-only). */
  derived: string | null;
  /** The value's evidence file. */
  file: { href: string; name: string; size: string } | null;
}

/** The types report evidence accepts (lib/roadmaps/evidence-type.ts checks them again, by content). */
const EVIDENCE_ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png,.txt';

const CELL = 'w-24 rounded border border-slate-400 px-2 py-1 aria-[invalid=true]:border-red-700';

/** One organisation × its indicators for a year: a plain form table, Tab moves from cell to cell. */
export function EntryGrid({ action, organisationId, year, quarter, period, previous, rows, locked }: { action: Action; organisationId: string; year: number; quarter: number; period: string; previous: string; rows: GridRow[]; locked: boolean }) {
  const [state, formAction] = useActionState(action, IDLE);
  const typed = (name: string, row: number, fallback: string) => {
    if (state.status !== 'error') return fallback;
    return state.values[`${name}.${row}`] ?? fallback;
  };
  return (
    <form key={formKey(state)} action={formAction} className="space-y-3" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="quarter" value={quarter} />
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm" data-testid="entry-grid">
          <caption className="sr-only">Значения показателей за {period}</caption>
          <thead>
            <tr className="text-left align-bottom">
              <th scope="col">Показатель</th>
              <th scope="col">Значение</th>
              <th scope="col">Числитель</th>
              <th scope="col">Знаменатель</th>
              <th scope="col">Цель</th>
              <th scope="col">{previous}</th>
              <th scope="col">Комментарий</th>
              <th scope="col">Файл-подтверждение</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const error = state.status === 'error' ? state.fieldErrors[`row.${i}`] : undefined;
              const described = [error ? `row-${i}-error` : '', r.outlier ? `row-${i}-outlier` : ''].filter(Boolean).join(' ') || undefined;
              const label = `${r.code}. ${r.name}`;
              return (
                <tr key={r.indicatorId} className="border-t border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-3 text-left font-normal">
                    <span className="font-medium">{r.code}.</span> {r.name} <span className="text-slate-600">({r.unit})</span>
                    <input type="hidden" name={`indicatorId.${i}`} value={r.indicatorId} />
                    <input type="hidden" name={`version.${i}`} value={r.version} />
                    <input type="hidden" name={`stored.${i}`} value={JSON.stringify({ c: r.value, n: r.numerator, d: r.denominator, k: r.comment })} />
                    {error && (
                      <p id={`row-${i}-error`} role="alert" className="mt-1 text-xs font-medium text-red-700">
                        {error}
                      </p>
                    )}
                    {r.outlier && (
                      <p id={`row-${i}-outlier`} className="mt-1 text-xs text-amber-900">
                        Проверьте: {r.outlier}
                      </p>
                    )}
                  </th>
                  {r.derived !== null ? (
                    <td className="py-2 pr-2" colSpan={3}>
                      <span className="font-medium">{r.derived || '—'}</span> <span className="text-xs text-slate-700">рассчитывается по кварталам</span>
                    </td>
                  ) : (
                    <>
                      <td className="py-2 pr-2">
                        <input name={`value.${i}`} aria-label={`${label}: значение`} className={CELL} defaultValue={typed('value', i, r.value)} inputMode="decimal" disabled={locked} aria-invalid={error ? true : undefined} aria-describedby={described} />
                      </td>
                      <td className="py-2 pr-2">
                        {r.share ? (
                          <input name={`numerator.${i}`} aria-label={`${label}: числитель`} className={CELL} defaultValue={typed('numerator', i, r.numerator)} inputMode="decimal" disabled={locked} />
                        ) : (
                          <input type="hidden" name={`numerator.${i}`} value="" />
                        )}
                      </td>
                      <td className="py-2 pr-2">
                        {r.share ? (
                          <input name={`denominator.${i}`} aria-label={`${label}: знаменатель`} className={CELL} defaultValue={typed('denominator', i, r.denominator)} inputMode="decimal" disabled={locked} />
                        ) : (
                          <input type="hidden" name={`denominator.${i}`} value="" />
                        )}
                      </td>
                    </>
                  )}
                  <td className="py-2 pr-2">{r.target}</td>
                  <td className="py-2 pr-2">{r.lastYear}</td>
                  <td className="py-2 pr-2">
                    {r.derived !== null ? (
                      <span className="text-xs text-slate-700">{r.comment}</span>
                    ) : (
                      <input name={`comment.${i}`} aria-label={`${label}: комментарий`} className="w-48 rounded border border-slate-400 px-2 py-1" defaultValue={typed('comment', i, r.comment)} disabled={locked} />
                    )}
                  </td>
                  <td className="py-2">
                    {r.file && (
                      <a href={r.file.href} className="block max-w-56 truncate underline" download>
                        {r.file.name} ({r.file.size})
                      </a>
                    )}
                    {r.derived === null && !locked && (
                      <>
                        <input type="file" name={`file.${i}`} aria-label={`${label}: ${r.file ? 'заменить файл-подтверждение' : 'файл-подтверждение'}`} accept={EVIDENCE_ACCEPT} className="mt-1 block max-w-56 text-xs" />
                        {r.file && (
                          <label className="mt-1 flex items-center gap-1 text-xs">
                            <input type="checkbox" name={`removeFile.${i}`} /> удалить файл
                          </label>
                        )}
                      </>
                    )}
                  </td>
                </tr>
            );
            })}
          </tbody>
        </table>
      </div>
      {!locked && (
        <p className="text-xs text-slate-700">
          Файл-подтверждение: PDF, DOCX, XLSX, JPG, PNG или TXT, все файлы вместе — до 10 МБ. Сохраняются заполненные строки, все
          вместе или ни одна.
        </p>
      )}
      {!locked && <SubmitButton>Сохранить значения</SubmitButton>}
    </form>
  );
}
