'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

export interface ReportRow {
  id: string;
  title: string;
  kind: string;
  parameters: string;
  who: string;
  when: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  stage: string;
  error: string | null;
  file: string | null;
  digest: string | null;
}

const STATUS_WORDS: Record<ReportRow['status'], string> = { queued: 'в очереди', running: 'формируется', done: 'готов', failed: 'ошибка' };

/** A job still being built: its progress is read every second until it is done, then the list is refreshed. */
function LiveProgress({ row }: { row: ReportRow }) {
  const router = useRouter();
  const [state, setState] = useState({ status: row.status, progress: row.progress, stage: row.stage });
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      try {
        const response = await fetch(`/api/v1/reports/${row.id}`, { cache: 'no-store' });
        if (response.ok) {
          const job = (await response.json()) as { status: ReportRow['status']; progress: number; stage: string };
          if (stopped) return;
          setState({ status: job.status, progress: job.progress, stage: job.stage });
          if (job.status === 'done' || job.status === 'failed') {
            router.refresh();
            return;
          }
        }
      } catch {
        // The next tick tries again: a dropped request does not stop the progress.
      }
      if (!stopped) timer = setTimeout(tick, 1000);
    };
    let timer = setTimeout(tick, 500);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [row.id, router]);
  return (
    <div aria-live="polite">
      <progress value={state.progress} max={100} className="w-32" aria-label={`Готовность отчёта «${row.title}»`} />
      <span className="ml-2">{STATUS_WORDS[state.status]}, {state.progress}%{state.stage ? ` — ${state.stage}` : ''}</span>
    </div>
  );
}

export function ReportList({ rows }: { rows: ReportRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">Отчётов пока не сформировано.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Сформированные отчёты</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="p-2">Отчёт</th>
            <th scope="col" className="p-2">Параметры</th>
            <th scope="col" className="p-2">Кто и когда</th>
            <th scope="col" className="p-2">Состояние</th>
            <th scope="col" className="p-2">Файл</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-200 align-top">
              <td className="p-2">
                <div className="font-medium">{row.title || row.kind}</div>
                <div className="text-xs text-slate-600">{row.kind}</div>
              </td>
              <td className="p-2">{row.parameters}</td>
              <td className="p-2">
                {row.who}
                <div className="text-xs text-slate-600">{row.when}</div>
              </td>
              <td className="p-2">
                {row.status === 'queued' || row.status === 'running' ? (
                  <LiveProgress row={row} />
                ) : row.status === 'failed' ? (
                  <span className="text-red-800">Ошибка: {row.error}</span>
                ) : (
                  'готов'
                )}
              </td>
              <td className="p-2">
                {row.status === 'done' && row.file ? (
                  <>
                    <a href={`/api/v1/reports/${row.id}/file`} download>
                      Скачать{' '}<span className="sr-only">отчёт «{row.title}»</span>({row.file})
                    </a>
                    <div className="break-all text-xs text-slate-600" title="SHA-256 файла">SHA-256: {row.digest}</div>
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
