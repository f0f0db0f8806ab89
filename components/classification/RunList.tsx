/** The runs of the region: year, methodology version, status, input digest, counts, open and publish. */
import Link from 'next/link';
import type { ActionState } from '@/lib/action-state';
import { CATEGORY_NAMES } from '@/lib/classification/classify';
import type { RunRow } from '@/lib/classification/queries';
import { formatDateTime, formatNumber } from '@/lib/format/ru';
import { ActionButton } from './ActionButton';
import { shortDigest } from './labels';

const cell = 'px-3 py-2 text-left align-top';

export function RunList({
  runs,
  selectedId,
  publishAction,
}: {
  runs: RunRow[];
  selectedId: string | null;
  /** Present when the actor may publish. */
  publishAction?: (state: ActionState, form: FormData) => Promise<ActionState>;
}) {
  if (runs.length === 0) return <p className="text-sm">Расчётов ещё нет.</p>;
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="runs">
        <caption className="sr-only">Расчёты классификации</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={cell}>Год</th>
            <th scope="col" className={cell}>Методика</th>
            <th scope="col" className={cell}>Статус</th>
            <th scope="col" className={cell}>Отпечаток данных</th>
            <th scope="col" className={cell}>Школ</th>
            <th scope="col" className={cell}>ШНОР / ШНСУ / оба</th>
            <th scope="col" className={cell}>Создан</th>
            <th scope="col" className={cell}>Действия</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className={`border-t border-slate-200 ${run.id === selectedId ? 'bg-brand-50' : ''}`} aria-current={run.id === selectedId ? 'true' : undefined}>
              <td className={cell}>{run.year}</td>
              <td className={cell}>
                {run.methodologyName}, версия {run.methodologyVersion}
              </td>
              <td className={cell}>{run.status === 'published' ? `опубликован ${formatDateTime(run.publishedAt)}` : 'черновик'}</td>
              <td className={cell}>
                <code title={run.inputDigest}>
                  {shortDigest(run.inputDigest)}…
                </code>
              </td>
              <td className={cell}>{formatNumber(run.schoolCount)}</td>
              <td className={cell}>
                <span title={`${CATEGORY_NAMES.low_results} / ${CATEGORY_NAMES.unfavourable} / ${CATEGORY_NAMES.both}`}>
                  {formatNumber(run.counts.low_results)} / {formatNumber(run.counts.unfavourable)} / {formatNumber(run.counts.both)}
                </span>
              </td>
              <td className={cell}>{formatDateTime(run.createdAt)}</td>
              <td className={`${cell} space-y-2`}>
                {run.id === selectedId ? (
                  <span className="font-medium">Открыт</span>
                ) : (
                  <Link href={`/classification?run=${run.id}`} aria-label={`Открыть расчёт ${run.year} года от ${formatDateTime(run.createdAt)}`}>
                    Открыть
                  </Link>
                )}
                {publishAction && run.status === 'draft' && (
                  <ActionButton action={publishAction} values={{ id: run.id }} label="Опубликовать" variant="secondary" />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
