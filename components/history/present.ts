/**
 * The one rendering of audit entries for people: every history panel and the audit browser word entries here.
 * Russian field and record names, names (with links) instead of ids, dd.mm.yyyy dates, an import as one event —
 * and internal keys (ids, import keys, scope columns, bookkeeping) never. A field without a Russian name is not
 * shown: a new column stays out of the history until it is named here or by its domain.
 */
import { DATA_FIELD_LABELS } from '@/components/classification/data-fields';
import { ROADMAP_FIELD_LABELS, ROADMAP_VALUE_LABELS } from '@/components/roadmaps/history-labels';
import { CAMPAIGN_FIELD_LABELS } from '@/lib/indicators/campaigns/history-labels';
import type { AuditRow } from '@/lib/audit/queries';
import { REF_FIELDS } from '@/lib/audit/refs';
import { ROLE_LABELS } from '@/lib/auth/actor';
import { formatDate, formatNumber, plural, type PluralForms } from '@/lib/format/ru';
import { isId } from '@/lib/ids';
import { KIND_LABELS, SETTLEMENT_LABELS } from '@/lib/organisations/schemas';

/** Field → (stored value → label), e.g. status: { done: 'выполнено' }. */
export type ValueLabels = Record<string, Record<string, string>>;

export const ACTION_LABELS: Record<string, string> = {
  create: 'создание',
  update: 'изменение',
  delete: 'удаление',
  deactivate: 'отключение',
  activate: 'включение',
  import: 'импорт',
  login: 'вход',
  unlock: 'снятие блокировки входа',
  download: 'скачивание',
};

/** What kind of record an entry is about, in the audit browser's words. */
export const ENTITY_LABELS: Record<string, string> = {
  organisation: 'Организация',
  user: 'Пользователь',
  roadmap: 'Дорожная карта',
  roadmap_section: 'Раздел дорожной карты',
  roadmap_item: 'Мероприятие дорожной карты',
  methodology: 'Методика классификации',
  classification_run: 'Запуск классификации',
  assessment_result: 'Результат оценочной процедуры',
  school_context: 'Социальные данные школы',
  indicator_campaign: 'Кампания сбора показателей',
  management_decision: 'Управленческое решение',
  generated_report: 'Сформированный отчёт',
  practice: 'Практика',
};

/** Ids, keys and bookkeeping: never shown, whatever the domain labels say. */
export const HIDDEN_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'importKey',
  'externalKey',
  'storedName',
  'roadmapId',
  'regionId',
  'municipalityId',
  'schoolId',
  'version',
  'createdAt',
  'updatedAt',
  'position',
  'passwordHash',
  'sessionVersion',
  'inputDigest',
]);

export const FIELD_LABELS: Record<string, string> = {
  ...DATA_FIELD_LABELS,
  ...ROADMAP_FIELD_LABELS,
  name: 'Наименование',
  shortName: 'Краткое наименование',
  kind: 'Вид организации',
  parentId: 'Вышестоящая организация',
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
  note: 'Примечание',
  params: 'Параметры методики',
  methodologyId: 'Методика',
  year: 'Год',
  publishedAt: 'Опубликован',
  clientAddress: 'Адрес клиента',
  outcome: 'Результат',
  signInLockedUntil: 'Вход заблокирован до',
  ...CAMPAIGN_FIELD_LABELS,
};

export const VALUE_LABELS: ValueLabels = {
  ...ROADMAP_VALUE_LABELS,
  status: { active: 'действующая', published: 'опубликован', ...ROADMAP_VALUE_LABELS.status },
  role: ROLE_LABELS,
  kind: KIND_LABELS,
  settlement: { ...SETTLEMENT_LABELS },
  outcome: { success: 'успешный вход', failure: 'неудачная попытка' },
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A value as the history shows it: text, and a link when it names another record. */
export interface ShownValue {
  text: string;
  href: string | null;
}

export function showValue(field: string, value: unknown, names: AuditRow['names'] = {}, valueLabels: ValueLabels = VALUE_LABELS): ShownValue {
  const text = (t: string): ShownValue => ({ text: t, href: null });
  if (value === null || value === undefined || value === '') return text('—');
  if (REF_FIELDS[field] && isId(value)) return names[value] ? { text: names[value].name, href: names[value].href } : text('запись удалена');
  if (typeof value === 'string' && valueLabels[field]?.[value]) return text(valueLabels[field][value]);
  if (typeof value === 'boolean') return text(value ? 'да' : 'нет');
  if (typeof value === 'number') return text(formatNumber(value));
  if (field === 'password') return text('изменён');
  if (typeof value === 'string' && ISO_DATE.test(value)) return text(formatDate(value));
  if (typeof value === 'string' && isId(value)) return text('—');
  if (Array.isArray(value)) return text(value.map((v) => showValue(field, v, names, valueLabels).text).join(', ') || '—');
  if (typeof value === 'object') return text('изменены');
  return text(String(value));
}

export interface ShownChange {
  field: string;
  label: string;
  before: ShownValue;
  after: ShownValue;
}

/** The changes of an entry that a person reads: named fields only, internal keys never. */
export function shownChanges(row: Pick<AuditRow, 'changes' | 'names'>, fieldLabels: Record<string, string> = {}, valueLabels?: ValueLabels): ShownChange[] {
  const values = valueLabels ? { ...VALUE_LABELS, ...valueLabels } : VALUE_LABELS;
  return row.changes.flatMap((change) => {
    if (HIDDEN_FIELDS.has(change.field)) return [];
    const label = fieldLabels[change.field] ?? FIELD_LABELS[change.field];
    if (!label) return [];
    const before = showValue(change.field, change.before, row.names, values);
    const after = showValue(change.field, change.after, row.names, values);
    if (before.text === after.text) return [];
    return [{ field: change.field, label, before, after }];
  });
}

/**
 * One change as a line of the audit browser. A sign-in records a fact (address, login, result), not a change of a
 * record: its values read «Логин: admin@…», not «Логин: — → admin@…».
 */
export function changeLine(row: Pick<AuditRow, 'action'>, change: ShownChange): string {
  return row.action === 'login' ? `${change.label}: ${change.after.text}` : `${change.label}: ${change.before.text} → ${change.after.text}`;
}

const ITEMS = ['мероприятие', 'мероприятия', 'мероприятий'] as const;
const RECORDS = ['запись', 'записи', 'записей'] as const;

/** «импортировано из таблицы „план.xlsx“, 14 мероприятий» — how an import reads, on an item or on the road map. */
export function importSentence(source: { source: string | null; count: number } | null, count?: number, nouns: PluralForms = ITEMS): string {
  const from = source?.source ? `из таблицы „${source.source}“` : source ? 'из вставленной таблицы' : 'из таблицы';
  const n = count ?? source?.count ?? 0;
  return n > 0 ? `импортировано ${from}, ${formatNumber(n)} ${plural(n, nouns)}` : `импортировано ${from}`;
}

/** The headline of an entry: its action, or the import sentence. */
export function eventSentence(row: Pick<AuditRow, 'action' | 'entityType' | 'importSource' | 'changes'> & { count?: number }): string {
  if (row.action !== 'import') return ACTION_LABELS[row.action] ?? 'изменение';
  if (row.entityType === 'roadmap') {
    const after = Object.fromEntries(row.changes.map((c) => [c.field, c.after]));
    const source = typeof after.source === 'string' ? after.source : null;
    const items = typeof after.items === 'number' ? after.items : 0;
    return importSentence({ source, count: items });
  }
  if (row.entityType === 'roadmap_item') return importSentence(row.importSource, row.count);
  return importSentence(null, row.count, RECORDS);
}

/** The record an entry is about, named and linked. */
export function entityOf(row: Pick<AuditRow, 'entityType' | 'entityId' | 'names'>): { kind: string; name: string; href: string | null } {
  const known = row.names[row.entityId];
  return { kind: ENTITY_LABELS[row.entityType] ?? 'Запись', name: known?.name ?? (isId(row.entityId) ? 'запись удалена' : row.entityId), href: known?.href ?? null };
}

/** An audit entry as the browser lists it: a whole import is one event with its size. */
export type AuditEvent = AuditRow & { count: number };

/**
 * The audit browser's events: the per-item entries of a road-map import fold into the import's summary entry
 * when it is listed too; entries of another bulk import (one transaction: same time, same author and kind) fold
 * into one event with their count.
 */
export function collapseImports(rows: readonly AuditRow[]): AuditEvent[] {
  const summaries = new Set(rows.filter((r) => r.action === 'import' && r.entityType === 'roadmap').map((r) => `${r.entityId}@${r.at.getTime()}`));
  const out: AuditEvent[] = [];
  for (const row of rows) {
    if (row.action === 'import' && row.entityType === 'roadmap_item' && row.roadmapId && summaries.has(`${row.roadmapId}@${row.at.getTime()}`)) continue;
    const last = out.at(-1);
    if (
      row.action === 'import' &&
      row.entityType !== 'roadmap' &&
      last &&
      last.action === 'import' &&
      last.entityType === row.entityType &&
      last.actorName === row.actorName &&
      last.at.getTime() === row.at.getTime()
    ) {
      last.count += 1;
      continue;
    }
    out.push({ ...row, count: 1 });
  }
  return out;
}
