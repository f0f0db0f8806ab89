'use client';

import { useId, useState } from 'react';
import { describeIssue, type Issue } from '@/lib/errors';
import { formatNumber } from '@/lib/format/ru';
import { IMPORT_FIELD_LABELS, REQUIRED_IMPORT_FIELDS, SCHOOL_IMPORT_FIELDS, type SchoolImportField } from '@/lib/schools/import/fields';
import type { FieldSource, ImportMapping } from '@/lib/schools/import/mapping';
import type { SchoolImportResult } from '@/lib/schools/import/commit';

type Outcome = { kind: 'preview' | 'done'; result: SchoolImportResult } | { kind: 'error'; message: string; issues: Issue[] };

async function send(file: File, mapping: ImportMapping | null, dryRun: boolean): Promise<Outcome> {
  const body = new FormData();
  body.set('file', file);
  if (mapping) body.set('mapping', JSON.stringify(mapping));
  const response = await fetch(`/api/v1/schools/import?dryRun=${dryRun}`, { method: 'POST', body });
  const json = (await response.json().catch(() => null)) as SchoolImportResult | { error: { message: string; issues: Issue[] } } | null;
  if (!json) return { kind: 'error', message: 'Сервер вернул непонятный ответ. Повторите попытку.', issues: [] };
  if ('error' in json) return { kind: 'error', message: json.error.message, issues: json.error.issues };
  return { kind: dryRun ? 'preview' : 'done', result: json };
}

function sourceValue(source: FieldSource | undefined): string {
  if (!source) return '';
  return 'column' in source ? `column:${source.column}` : 'constant';
}

/** Upload → map columns → preview → commit, all against `/api/v1/schools/import`. */
export function SchoolImportWizard() {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(false);

  async function run(nextFile: File, nextMapping: ImportMapping | null, dryRun: boolean) {
    setPending(true);
    try {
      const result = await send(nextFile, nextMapping, dryRun);
      setOutcome(result);
      if (result.kind !== 'error') {
        setHeaders(result.result.headers);
        setMapping(result.result.mapping);
      }
    } catch {
      setOutcome({ kind: 'error', message: 'Не удалось связаться с сервером. Повторите попытку.', issues: [] });
    } finally {
      setPending(false);
    }
  }

  function setSource(field: SchoolImportField, value: string, constant?: string) {
    const next: ImportMapping = { ...(mapping ?? {}) };
    if (value === '') delete next[field];
    else if (value === 'constant') next[field] = { value: constant ?? '' };
    else next[field] = { column: Number(value.slice('column:'.length)) };
    setMapping(next);
  }

  const issues = outcome?.kind === 'error' ? outcome.issues : (outcome?.result.issues ?? []);
  const result = outcome && outcome.kind !== 'error' ? outcome.result : null;

  return (
    <div className="space-y-6">
      <section className="rounded border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">1. Файл</h2>
        <label htmlFor={`${id}-file`} className="mt-2 block text-sm font-medium">
          Файл справочника (CSV, XLSX, до 10 МБ)
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="mt-1 block text-sm"
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setMapping(null);
            setOutcome(null);
            if (chosen) void run(chosen, null, true);
          }}
        />
      </section>

      {file && headers.length > 0 && mapping && (
        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="text-lg font-semibold">2. Сопоставление столбцов</h2>
          <p className="mt-1 text-sm text-slate-700">
            Столбцы угаданы по заголовкам — проверьте их: названия в файле не всегда соответствуют содержимому. Обязательные поля
            отмечены звёздочкой. Для поля можно задать одно значение на все строки (например, регион).
          </p>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            {SCHOOL_IMPORT_FIELDS.map((field) => {
              const source = mapping[field];
              const selectId = `${id}-map-${field}`;
              return (
                <div key={field} className="text-sm">
                  <label htmlFor={selectId} className="font-medium">
                    {IMPORT_FIELD_LABELS[field]}
                    {REQUIRED_IMPORT_FIELDS.includes(field) ? ' *' : ''}
                  </label>
                  <select
                    id={selectId}
                    className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
                    value={sourceValue(source)}
                    onChange={(e) => setSource(field, e.target.value)}
                  >
                    <option value="">— не импортировать —</option>
                    <option value="constant">Одно значение для всех строк…</option>
                    {headers.map((header, index) => (
                      <option key={`${header}-${index}`} value={`column:${index}`}>
                        Столбец «{header || `№ ${index + 1}`}»
                      </option>
                    ))}
                  </select>
                  {source && 'value' in source && (
                    <input
                      aria-label={`${IMPORT_FIELD_LABELS[field]}: значение для всех строк`}
                      className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
                      value={source.value}
                      onChange={(e) => setSource(field, 'constant', e.target.value)}
                    />
                  )}
                </div>
              );
            })}
          </div>
          <button
            type="button"
            disabled={pending}
            onClick={() => void run(file, mapping, true)}
            className="mt-4 rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
          >
            Обновить предпросмотр
          </button>
        </section>
      )}

      {pending && <p role="status">Обработка файла…</p>}

      {outcome?.kind === 'error' && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {outcome.message}
        </p>
      )}

      {result && (
        <section className="rounded border border-slate-200 bg-white p-4" aria-live="polite">
          <h2 className="text-lg font-semibold">{outcome?.kind === 'done' ? 'Импорт выполнен' : '3. Предпросмотр'}</h2>
          <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2" data-testid="import-counts">
            <li>Будет создано школ: {formatNumber(result.counts.create)}</li>
            <li>Будет обновлено: {formatNumber(result.counts.update)}</li>
            <li>Без изменений: {formatNumber(result.counts.unchanged)}</li>
            <li>Новых муниципалитетов: {formatNumber(result.counts.newMunicipalities)}</li>
            <li>Новых регионов: {formatNumber(result.counts.newRegions)}</li>
          </ul>
          {result.sample.length > 0 && (
            <table className="mt-3 min-w-full text-sm">
              <caption className="text-left text-slate-700">Первые строки плана</caption>
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className="px-2 py-1">Строка</th>
                  <th scope="col" className="px-2 py-1">Действие</th>
                  <th scope="col" className="px-2 py-1">Школа</th>
                  <th scope="col" className="px-2 py-1">Муниципалитет</th>
                  <th scope="col" className="px-2 py-1">Изменения</th>
                </tr>
              </thead>
              <tbody>
                {result.sample.map((row) => (
                  <tr key={`${row.action}-${row.rowNumber}`} className="border-t border-slate-200">
                    <td className="px-2 py-1">{row.rowNumber}</td>
                    <td className="px-2 py-1">{row.action === 'create' ? 'создание' : 'обновление'}</td>
                    <td className="px-2 py-1">{row.name}</td>
                    <td className="px-2 py-1">{row.municipality}</td>
                    <td className="px-2 py-1">{row.changes.join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {outcome?.kind === 'preview' && file && (
            <button
              type="button"
              disabled={pending || issues.length > 0}
              onClick={() => void run(file, mapping, false)}
              className="mt-4 rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
            >
              Импортировать
            </button>
          )}
        </section>
      )}

      {issues.length > 0 && (
        <section className="rounded border border-red-300 bg-red-50 p-4 text-sm text-red-900" aria-labelledby={`${id}-issues`}>
          <h2 id={`${id}-issues`} className="font-semibold">
            Ошибки в файле ({formatNumber(issues.length)}) — исправьте их, ничего не записано
          </h2>
          <ul className="mt-2 list-disc pl-5">
            {issues.slice(0, 200).map((issue, index) => (
              <li key={index}>{issue.row === undefined && issue.field ? issue.message : describeIssue(issue)}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
