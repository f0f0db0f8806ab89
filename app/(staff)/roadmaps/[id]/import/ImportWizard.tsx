'use client';

import Link from 'next/link';
import { useState } from 'react';
import { describeIssue } from '@/lib/errors';
import { ROADMAP_COLUMN_LABELS, ROADMAP_COLUMNS, type RoadmapColumn } from '@/lib/roadmaps/table/columns';
import { type HandMapping, type ImportOutcome, type ImportSource, sendImport } from './import-request';
import { ImportPreview } from './ImportPreview';

const box = 'space-y-3 rounded border border-slate-200 bg-white p-4';
const secondaryButton = 'rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60';
const ACCEPT = '.csv,.tsv,.txt,.xlsx,.docx,text/csv,text/tab-separated-values';

/** Paste or upload → preview with the detected columns → re-map by hand → commit, all-or-nothing. */
export function ImportWizard({ roadmapId }: { roadmapId: string }) {
  const [text, setText] = useState('');
  const [source, setSource] = useState<ImportSource | null>(null);
  const [mapping, setMapping] = useState<HandMapping | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [pending, setPending] = useState(false);

  async function run(nextSource: ImportSource, nextMapping: HandMapping | null, dryRun: boolean) {
    setPending(true);
    setSource(nextSource);
    const result = await sendImport(roadmapId, nextSource, nextMapping, dryRun);
    setOutcome(result);
    if (result.kind !== 'error') setMapping(result.result.mapping);
    setPending(false);
  }

  function remap(column: RoadmapColumn, value: string) {
    setMapping({ ...(mapping ?? {}), [column]: value === '' ? null : Number(value) });
  }

  const result = outcome && outcome.kind !== 'error' ? outcome.result : null;
  return (
    <div className="space-y-6">
      <section className={box} aria-labelledby="source-title">
        <h2 id="source-title" className="text-lg font-semibold">
          1. Таблица
        </h2>
        <label htmlFor="import-text" className="block text-sm font-medium">
          Вставьте таблицу из Word или Excel
        </label>
        <textarea
          id="import-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={8}
          className="block w-full rounded border border-slate-400 px-2 py-1 font-mono text-xs"
        />
        <button type="button" className={secondaryButton} disabled={pending || text.trim() === ''} onClick={() => void run({ kind: 'text', text }, null, true)}>
          Показать предпросмотр
        </button>
        <label htmlFor="import-file" className="block text-sm font-medium">
          …или загрузите файл (CSV, XLSX, DOCX, до 10 МБ)
        </label>
        <input
          id="import-file"
          type="file"
          accept={ACCEPT}
          className="block text-sm"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void run({ kind: 'file', file }, null, true);
          }}
        />
      </section>

      {source && result && mapping && (
        <section className={box} aria-labelledby="mapping-title">
          <h2 id="mapping-title" className="text-lg font-semibold">
            2. Столбцы
          </h2>
          <p className="text-sm text-slate-700">Столбцы распознаны по заголовкам. Если что-то не так, выберите столбец вручную и обновите предпросмотр.</p>
          <div className="grid gap-3 sm:grid-cols-3">
            {ROADMAP_COLUMNS.map((column) => (
              <div key={column} className="text-sm">
                <label htmlFor={`map-${column}`} className="font-medium">
                  {ROADMAP_COLUMN_LABELS[column]}
                </label>
                <select
                  id={`map-${column}`}
                  value={mapping[column] ?? ''}
                  onChange={(e) => remap(column, e.target.value)}
                  className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
                >
                  <option value="">— нет —</option>
                  {result.headers.map((header, index) => (
                    <option key={index} value={index}>
                      Столбец {index + 1}: «{header || 'без заголовка'}»
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <button type="button" className={secondaryButton} disabled={pending} onClick={() => void run(source, mapping, true)}>
            Обновить предпросмотр
          </button>
        </section>
      )}

      {pending && <p role="status">Обработка таблицы…</p>}

      {outcome?.kind === 'error' && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p>{outcome.message}</p>
          {outcome.issues.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {outcome.issues.map((issue, index) => (
                <li key={index}>{describeIssue(issue)}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {result && source && (
        <section className={box} aria-labelledby="preview-title" aria-live="polite">
          <h2 id="preview-title" className="text-lg font-semibold">
            {outcome?.kind === 'done' ? 'Импорт выполнен' : '3. Предпросмотр'}
          </h2>
          {outcome?.kind === 'done' && (
            <p>
              <Link href={`/roadmaps/${roadmapId}`}>Перейти к дорожной карте</Link>
            </p>
          )}
          <ImportPreview result={result} />
          {outcome?.kind === 'preview' && (
            <button
              type="button"
              disabled={pending || result.errors.length > 0}
              onClick={() => void run(source, mapping, false)}
              className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
            >
              Импортировать
            </button>
          )}
        </section>
      )}
    </div>
  );
}
