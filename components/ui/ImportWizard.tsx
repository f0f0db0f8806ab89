'use client';

import { useId, useState } from 'react';
import { describeIssue, type Issue } from '@/lib/errors';
import { formatNumber } from '@/lib/format/ru';

/** Where a field takes its value: a column of the file, or one value typed for every row. */
export type FieldSource = { column: number } | { value: string };
export type WizardMapping = Record<string, FieldSource>;

/** What every import endpoint of the portal answers (dry run or commit). */
export interface WizardResult {
  committed: boolean;
  headers: string[];
  mapping: WizardMapping;
  counts: Record<string, number>;
  sample: Record<string, unknown>[];
  issues: Issue[];
  /** Problems that do not block the import (a value that looks wrong): shown for a second look. */
  warnings?: Issue[];
}

export interface ImportWizardProps {
  /** POST endpoint taking multipart `file` and `mapping`, with `?dryRun=true` for the preview. */
  endpoint: string;
  fileLabel: string;
  fields: { key: string; label: string; required?: boolean }[];
  /** Labels of the preview counts, in order: `{ key: 'create', label: 'Будет создано школ' }`. */
  counts: { key: string; label: string }[];
  /** Columns of the preview table over `sample` rows. */
  sampleColumns: { key: string; header: string }[];
  /** Words for coded values of the sample: `{ action: { create: 'создание' } }`. */
  valueLabels?: Record<string, Record<string, string>>;
  /** Address of a downloadable XLSX template with the expected columns and an example row. */
  templateHref?: string;
}

type Outcome = { kind: 'preview' | 'done'; result: WizardResult } | { kind: 'error'; message: string; issues: Issue[] };

async function send(endpoint: string, file: File, mapping: WizardMapping | null, dryRun: boolean): Promise<Outcome> {
  const body = new FormData();
  body.set('file', file);
  if (mapping) body.set('mapping', JSON.stringify(mapping));
  const response = await fetch(`${endpoint}?dryRun=${dryRun}`, { method: 'POST', body });
  const json = (await response.json().catch(() => null)) as WizardResult | { error: { message: string; issues?: Issue[] } } | null;
  if (!json) return { kind: 'error', message: 'Сервер вернул непонятный ответ. Повторите попытку.', issues: [] };
  if ('error' in json) return { kind: 'error', message: json.error.message, issues: json.error.issues ?? [] };
  return { kind: dryRun ? 'preview' : 'done', result: json };
}

function sourceValue(source: FieldSource | undefined): string {
  if (!source) return '';
  return 'column' in source ? `column:${source.column}` : 'constant';
}

function sampleCell(value: unknown, labels: Record<string, string> | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => sampleCell(v, labels)).join(', ');
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  const text = String(value);
  return labels?.[text] ?? text;
}

function MappingForm({
  id,
  fields,
  headers,
  mapping,
  onChange,
}: {
  id: string;
  fields: ImportWizardProps['fields'];
  headers: string[];
  mapping: WizardMapping;
  onChange: (next: WizardMapping) => void;
}) {
  function setSource(field: string, value: string, constant?: string) {
    const next: WizardMapping = { ...mapping };
    if (value === '') delete next[field];
    else if (value === 'constant') next[field] = { value: constant ?? '' };
    else next[field] = { column: Number(value.slice('column:'.length)) };
    onChange(next);
  }
  return (
    <div className="mt-3 grid gap-3 sm:grid-cols-2">
      {fields.map((field) => {
        const source = mapping[field.key];
        const selectId = `${id}-map-${field.key}`;
        return (
          <div key={field.key} className="text-sm">
            <label htmlFor={selectId} className="font-medium">
              {field.label}
              {field.required ? ' *' : ''}
            </label>
            <select
              id={selectId}
              className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
              value={sourceValue(source)}
              onChange={(e) => setSource(field.key, e.target.value)}
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
                aria-label={`${field.label}: значение для всех строк`}
                className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
                value={source.value}
                onChange={(e) => setSource(field.key, 'constant', e.target.value)}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

function Preview({ result, props }: { result: WizardResult; props: ImportWizardProps }) {
  return (
    <>
      <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2" data-testid="import-counts">
        {props.counts.map((c) => (
          <li key={c.key}>
            {c.label}: {formatNumber(result.counts[c.key] ?? 0)}
          </li>
        ))}
      </ul>
      {result.sample.length > 0 && (
        <div className="mt-3 overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="text-left text-slate-700">Первые строки плана</caption>
            <thead className="bg-slate-100 text-left">
              <tr>
                {props.sampleColumns.map((c) => (
                  <th key={c.key} scope="col" className="px-2 py-1">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.sample.map((row, index) => (
                <tr key={index} className="border-t border-slate-200">
                  {props.sampleColumns.map((c) => (
                    <td key={c.key} className="px-2 py-1">
                      {sampleCell(row[c.key], props.valueLabels?.[c.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Upload → map columns → preview with every problem → all-or-nothing commit, against any import endpoint. */
export function ImportWizard(props: ImportWizardProps) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<WizardMapping | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(false);

  async function run(nextFile: File, nextMapping: WizardMapping | null, dryRun: boolean) {
    setPending(true);
    try {
      const result = await send(props.endpoint, nextFile, nextMapping, dryRun);
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

  const issues = outcome?.kind === 'error' ? outcome.issues : (outcome?.result.issues ?? []);
  const result = outcome && outcome.kind !== 'error' ? outcome.result : null;

  return (
    <div className="space-y-6">
      <section className="rounded border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">1. Файл</h2>
        {props.templateHref && (
          <p className="mt-1 text-sm">
            <a href={props.templateHref} download className="underline">
              Скачать шаблон (XLSX)
            </a>{' '}
            — ожидаемые столбцы и пример заполнения.
          </p>
        )}
        <label htmlFor={`${id}-file`} className="mt-2 block text-sm font-medium">
          {props.fileLabel}
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
            отмечены звёздочкой. Для поля можно задать одно значение на все строки (например, регион или год).
          </p>
          <MappingForm id={id} fields={props.fields} headers={headers} mapping={mapping} onChange={setMapping} />
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
          <Preview result={result} props={props} />
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

      {result?.warnings && result.warnings.length > 0 && (
        <section className="rounded border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950" aria-labelledby={`${id}-warnings`}>
          <h2 id={`${id}-warnings`} className="font-semibold">
            Проверьте значения ({formatNumber(result.warnings.length)}) — импорту они не мешают
          </h2>
          <ul className="mt-2 list-disc pl-5">
            {result.warnings.slice(0, 200).map((warning, index) => (
              <li key={index}>{describeIssue(warning)}</li>
            ))}
          </ul>
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
