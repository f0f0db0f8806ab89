import type { AuditRow } from '@/lib/audit/queries';
import { formatDateTime, formatNumber } from '@/lib/format/ru';

const ACTION_LABELS: Record<string, string> = {
  create: 'создание',
  update: 'изменение',
  delete: 'удаление',
  deactivate: 'отключение',
  activate: 'включение',
  import: 'импорт',
  login: 'вход',
  unlock: 'снятие блокировки входа',
};

export const FIELD_LABELS: Record<string, string> = {
  name: 'Наименование',
  shortName: 'Краткое наименование',
  ogrn: 'ОГРН',
  inn: 'ИНН',
  address: 'Адрес',
  settlement: 'Местность',
  distanceKm: 'Расстояние до центра, км',
  pupils: 'Обучающихся',
  schoolKind: 'Тип',
  aliases: 'Другие написания',
  isActive: 'Активна',
  role: 'Роль',
  organisationId: 'Организация',
  login: 'Логин',
  password: 'Пароль',
  sessionVersion: 'Версия сеанса',
  clientAddress: 'Адрес клиента',
  outcome: 'Результат',
  signInLockedUntil: 'Вход заблокирован до',
};

/** Field → (stored value → label), e.g. status: { done: 'выполнено' }. */
export type ValueLabels = Record<string, Record<string, string>>;

function show(value: unknown, labels?: Record<string, string>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (labels && typeof value === 'string' && labels[value]) return labels[value];
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return value.join(', ') || '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The history of one record, from the audit log: who changed what and when. A domain may add its own field
 * names (`fieldLabels`) and value labels (`valueLabels`) on top of the common ones.
 */
export function HistoryPanel({
  rows,
  fieldLabels,
  valueLabels,
  title = 'История изменений',
  headingId = 'history-title',
}: {
  rows: AuditRow[];
  fieldLabels?: Record<string, string>;
  valueLabels?: ValueLabels;
  /** A page with several panels names each and gives each its own heading id. */
  title?: string;
  headingId?: string;
}) {
  return (
    <section aria-labelledby={headingId} className="rounded border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Изменений пока нет.</p>
      ) : (
        <ol className="mt-3 space-y-3 text-sm">
          {rows.map((row) => (
            <li key={row.id} className="border-l-4 border-brand-100 pl-3">
              <p>
                <time dateTime={row.at.toISOString()}>{formatDateTime(row.at)}</time> · {row.actorName} ·{' '}
                {ACTION_LABELS[row.action] ?? row.action}
              </p>
              {row.action !== 'create' && row.changes.length > 0 && (
                <ul className="mt-1 list-disc pl-5 text-slate-700">
                  {row.changes.map((change) => (
                    <li key={change.field}>
                      {fieldLabels?.[change.field] ?? FIELD_LABELS[change.field] ?? change.field}: {show(change.before, valueLabels?.[change.field])} →{' '}
                      {show(change.after, valueLabels?.[change.field])}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
