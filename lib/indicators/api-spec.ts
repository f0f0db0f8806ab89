import { z } from 'zod';
import { APPROVAL_STATES, INDICATOR_DIRECTIONS, INDICATOR_KINDS, INDICATOR_LEVELS, INDICATOR_STATUSES, INDICATOR_UNITS } from '@/db/schema/indicators';
import type { OperationSpec } from '@/lib/api/openapi';
import { VALUE_IMPORT_FIELDS } from './import/plan';
import { approvalActionSchema, createIndicatorSchema, indicatorChangesSchema, valueCellSchema } from './schemas';

const indicator = z.object({
  id: z.uuid(),
  regionId: z.uuid(),
  ownerOrganisationId: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  method: z.string().describe('Методика расчёта словами'),
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(INDICATOR_DIRECTIONS),
  source: z.string().describe('Источник данных, как в документах: «РИС ГИА», «ОО-1»'),
  level: z.enum(INDICATOR_LEVELS),
  kind: z.enum(INDICATOR_KINDS),
  expression: z.unknown().nullable().describe('Формула вычисляемого показателя (lib/indicators/expression.ts)'),
  roadmapId: z.uuid().nullable(),
  status: z.enum(INDICATOR_STATUSES),
  closeShare: z.number(),
  version: z.number(),
});

const target = z.object({ id: z.uuid(), indicatorId: z.uuid(), organisationId: z.uuid().nullable(), kind: z.enum(['baseline', 'target']), year: z.number(), value: z.number(), version: z.number() });
const linkedItem = z.object({ id: z.uuid(), roadmapId: z.uuid(), roadmapTitle: z.string(), number: z.string().nullable(), activity: z.string(), status: z.string(), overdue: z.boolean(), doneOnTime: z.boolean(), counts: z.boolean() });

const value = z.object({
  id: z.uuid(),
  indicatorId: z.uuid(),
  organisationId: z.uuid(),
  year: z.number(),
  quarter: z.number().describe('0 — год целиком'),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  comment: z.string(),
  enteredByName: z.string(),
  enteredAt: z.string(),
  version: z.number(),
});

const evidenceFile = z.object({ fileName: z.string(), sizeBytes: z.number(), uploadedByName: z.string(), uploadedAt: z.string() });
const valueIdParam = { name: 'id', in: 'path' as const, description: 'Идентификатор значения' };

const approval = z.object({ id: z.uuid(), organisationId: z.uuid(), year: z.number(), quarter: z.number(), state: z.enum(APPROVAL_STATES), comment: z.string(), lockedAt: z.string().nullable(), unlockReason: z.string().nullable(), version: z.number() });

const fieldSource = z.union([z.object({ column: z.number().int() }), z.object({ value: z.string() })]);
const issue = z.object({ message: z.string(), row: z.number().optional(), column: z.string().optional(), field: z.string().optional() });
const importResult = z.object({
  committed: z.boolean(),
  sheets: z.array(z.string()),
  headerRow: z.number(),
  headers: z.array(z.string()),
  mapping: z.partialRecord(z.enum(VALUE_IMPORT_FIELDS), fieldSource),
  counts: z.object({ create: z.number(), update: z.number(), unchanged: z.number(), warnings: z.number() }),
  sample: z.array(z.object({ rowNumber: z.number(), action: z.enum(['create', 'update', 'unchanged']), organisation: z.string(), indicator: z.string(), period: z.string(), value: z.number(), note: z.string() })),
  issues: z.array(issue),
  warnings: z.array(issue).describe('Значения, выбивающиеся из ряда (скачок за год, выход за минимум–максимум): не мешают импорту'),
});
const importBody = {
  contentType: 'multipart/form-data',
  description: 'Поля: file (CSV/XLSX до 10 МБ, до 50 000 строк), mapping (JSON: поле → {column} или {value}; поля: ' + VALUE_IMPORT_FIELDS.join(', ') + '), headerRow, sheet',
};
const importResponses = {
  200: { description: 'План импорта (dryRun=true) или результат', schema: importResult },
  400: { description: 'Ошибки в файле (строка и столбец каждой): ничего не записано' },
  409: { description: 'Значение изменено другим пользователем во время импорта' },
  413: { description: 'Файл слишком большой' },
};
const dryRunParam = { name: 'dryRun', in: 'query' as const, description: 'true — ничего не записывать, вернуть план, ошибки и предупреждения' };

const idParam = { name: 'id', in: 'path' as const, description: 'Идентификатор показателя' };
const TAG = 'Показатели';

export const INDICATOR_OPERATIONS: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/v1/indicators',
    summary: 'Каталог показателей региона',
    tag: TAG,
    params: [{ name: 'status', in: 'query', description: 'draft, active или archived' }],
    responses: { 200: { description: 'Показатели', schema: z.array(indicator) } },
  },
  {
    method: 'post',
    path: '/api/v1/indicators',
    summary: 'Создать показатель (регион); формула вычисляемого проверяется при сохранении',
    tag: TAG,
    body: { contentType: 'application/json', schema: createIndicatorSchema },
    responses: { 201: { description: 'Созданный показатель', schema: indicator } },
  },
  {
    method: 'get',
    path: '/api/v1/indicators/{id}',
    summary: 'Показатель с базовыми и целевыми значениями и связанными мероприятиями',
    tag: TAG,
    params: [idParam],
    responses: { 200: { description: 'Показатель', schema: z.object({ indicator, targets: z.array(target), items: z.array(linkedItem), canDefine: z.boolean() }) } },
  },
  {
    method: 'patch',
    path: '/api/v1/indicators/{id}',
    summary: 'Изменить показатель с версией, которую прочитали (устаревшая — 409); меняются только названные поля',
    tag: TAG,
    params: [idParam],
    body: { contentType: 'application/json', schema: indicatorChangesSchema.extend({ version: z.number().int() }) },
    responses: { 200: { description: 'Показатель после изменения', schema: indicator } },
  },
  {
    method: 'get',
    path: '/api/v1/indicators/{id}/values',
    summary: 'Значения показателя, доступные вызывающему',
    tag: TAG,
    params: [idParam, { name: 'year', in: 'query', description: 'Год' }, { name: 'organisationId', in: 'query', description: 'Организация' }],
    responses: { 200: { description: 'Значения', schema: z.array(value.extend({ organisationName: z.string(), evidenceFile: evidenceFile.nullable() })) } },
  },
  {
    method: 'post',
    path: '/api/v1/indicators/{id}/values',
    summary: 'Сохранить значения (всё или ничего; ошибка по каждой ячейке; утверждённый период — 409)',
    tag: TAG,
    params: [idParam],
    body: { contentType: 'application/json', schema: z.object({ values: z.array(valueCellSchema.omit({ indicatorId: true, file: true, removeFile: true })) }) },
    responses: { 200: { description: 'Сохранённые значения', schema: z.array(value) } },
  },
  {
    method: 'post',
    path: '/api/v1/indicators/{id}/values/import',
    summary: 'Импорт значений показателя из CSV/XLSX (ключ — организация + период; утверждённые периоды отклоняются); с dryRun=true — предпросмотр',
    tag: TAG,
    params: [idParam, dryRunParam],
    body: importBody,
    responses: importResponses,
  },
  {
    method: 'post',
    path: '/api/v1/indicator-values/import',
    summary: 'Импорт значений нескольких показателей из CSV/XLSX (ключ — организация + показатель + период); с dryRun=true — предпросмотр',
    tag: TAG,
    params: [dryRunParam],
    body: importBody,
    responses: importResponses,
  },
  {
    method: 'get',
    path: '/api/v1/indicator-scorecard/export',
    summary: 'Сводная таблица достижения показателей в XLSX или CSV: заголовок (период, организация, дата данных), статусы словами',
    tag: TAG,
    params: [
      { name: 'year', in: 'query', description: 'Год (для organisationId — последний из пяти лет)', required: true },
      { name: 'format', in: 'query', description: 'xlsx (по умолчанию) или csv' },
      { name: 'municipalityId', in: 'query', description: 'Школы этого муниципалитета вместо муниципалитетов региона' },
      { name: 'organisationId', in: 'query', description: 'Показатели × годы одной организации' },
    ],
    responses: { 200: { description: 'Файл; имя в Content-Disposition (RFC 5987)' }, 404: { description: 'Организация не найдена или недоступна' } },
  },
  {
    method: 'get',
    path: '/api/v1/indicator-values/{id}/file',
    summary: 'Файл-подтверждение значения (скачивание; читают те, кому видна организация значения; скачивание в журнале)',
    tag: TAG,
    params: [valueIdParam],
    responses: { 200: { description: 'Файл; имя в Content-Disposition (RFC 5987)' }, 404: { description: 'Файла нет или он недоступен' } },
  },
  {
    method: 'post',
    path: '/api/v1/indicator-values/{id}/file',
    summary: 'Приложить или заменить файл-подтверждение значения (PDF, DOCX, XLSX, JPG, PNG, TXT, до 10 МБ); утверждённый период — 409',
    tag: TAG,
    params: [valueIdParam],
    body: { contentType: 'multipart/form-data', description: 'Поля: file — файл, version — версия значения, которую прочитали' },
    responses: { 200: { description: 'Значение (новая версия)', schema: value }, 409: { description: 'Период представлен или утверждён, или значение изменено' }, 413: { description: 'Файл больше 10 МБ' }, 415: { description: 'Тип файла не допускается' } },
  },
  {
    method: 'delete',
    path: '/api/v1/indicator-values/{id}/file',
    summary: 'Удалить файл-подтверждение значения (только в открытом периоде)',
    tag: TAG,
    params: [valueIdParam, { name: 'version', in: 'query', description: 'Версия значения, которую прочитали' }],
    responses: { 200: { description: 'Значение (новая версия)', schema: value }, 409: { description: 'Период представлен или утверждён, или значение изменено' } },
  },
  {
    method: 'post',
    path: '/api/v1/indicator-approvals',
    summary: 'Представить, утвердить, вернуть на доработку или разблокировать значения организации за период',
    tag: TAG,
    body: { contentType: 'application/json', schema: approvalActionSchema },
    responses: { 200: { description: 'Состояние согласования', schema: approval } },
  },
];
