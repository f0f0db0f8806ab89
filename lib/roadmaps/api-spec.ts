import { z } from 'zod';
import { ITEM_STATUSES, ROADMAP_LEVELS, ROADMAP_STATUSES } from '@/db/schema/roadmaps';
import type { OperationSpec } from '@/lib/api/openapi';
import { ROADMAP_COLUMNS } from './table/columns';
import { createRoadmapSchema, updateRoadmapBodySchema } from './schemas';

const issue = z.object({ message: z.string(), row: z.number().optional(), column: z.string().optional(), field: z.string().optional() });
const progress = z.object({ total: z.number(), done: z.number(), doneShare: z.number(), doneShareLabel: z.string(), overdue: z.number(), byStatus: z.record(z.string(), z.number()) });

const roadmap = z.object({
  id: z.uuid(),
  level: z.enum(ROADMAP_LEVELS),
  ownerOrganisationId: z.uuid(),
  regionId: z.uuid().nullable(),
  municipalityId: z.uuid().nullable(),
  schoolId: z.uuid().nullable(),
  title: z.string(),
  periodStartYear: z.number(),
  periodEndYear: z.number(),
  approvalDocument: z.string().nullable(),
  status: z.enum(ROADMAP_STATUSES),
  version: z.number(),
});

const listRow = roadmap.pick({ id: true, title: true, level: true, status: true, ownerOrganisationId: true, periodStartYear: true, periodEndYear: true, approvalDocument: true, version: true }).extend({
  ownerName: z.string(),
  itemCount: z.number(),
  doneShare: z.number(),
  overdueCount: z.number(),
});

const item = z.object({
  id: z.uuid(),
  sectionId: z.uuid(),
  number: z.string().nullable(),
  activity: z.string(),
  deadlineText: z.string().describe('Сроки как написано'),
  deadlineKind: z.string(),
  periodStart: z.string().nullable().describe('Нормализованный период: начало, ГГГГ-ММ-ДД'),
  periodEnd: z.string().nullable(),
  recurringYearly: z.boolean(),
  canBeOverdue: z.boolean(),
  periodOverridden: z.boolean(),
  overdue: z.boolean().describe('Просрочено на сегодня: вычисляется, не хранится'),
  responsibleText: z.string(),
  responsibles: z.array(z.object({ name: z.string(), organisationId: z.uuid().nullable(), organisationName: z.string().nullable() })),
  plannedResult: z.string(),
  expectedDocument: z.string().nullable(),
  status: z.enum(ITEM_STATUSES),
  version: z.number(),
});

const detail = z.object({
  roadmap: roadmap.extend({ ownerName: z.string() }),
  sections: z.array(z.object({ id: z.uuid(), number: z.string().nullable(), title: z.string().nullable(), version: z.number(), items: z.array(item), progress })),
  progress,
  review: z.array(z.object({ id: z.uuid(), itemId: z.uuid().nullable(), kind: z.string(), text: z.string(), authorName: z.string(), createdAt: z.string() })),
  permissions: z.object({ canEdit: z.boolean(), canReview: z.boolean(), canSubmit: z.boolean(), canDelete: z.boolean() }),
});

const importResult = z.object({
  committed: z.boolean(),
  headers: z.array(z.string()),
  mapping: z.partialRecord(z.enum(ROADMAP_COLUMNS), z.number()),
  sections: z.array(
    z.object({
      title: z.string().nullable(),
      number: z.string().optional(),
      existing: z.boolean(),
      items: z.array(z.object({ number: z.string(), activity: z.string(), deadlineText: z.string(), responsibleText: z.string(), resultText: z.string(), action: z.enum(['create', 'update', 'unchanged']), sourceRows: z.array(z.number()), deadline: z.object({ kind: z.string(), start: z.string().nullable(), end: z.string().nullable(), recurringYearly: z.boolean(), canBeOverdue: z.boolean(), label: z.string() }) })),
    }),
  ),
  counts: z.object({ sections: z.number(), create: z.number(), update: z.number(), unchanged: z.number() }),
  warnings: z.array(issue),
  errors: z.array(issue),
});

const idParam = { name: 'id', in: 'path' as const, description: 'Идентификатор дорожной карты' };
const TAG = 'Дорожные карты';

export const ROADMAP_OPERATIONS: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/v1/roadmaps',
    tag: TAG,
    summary: 'Список дорожных карт, доступных пользователю, с долей выполненного и числом просроченных мероприятий',
    params: [
      { name: 'level', in: 'query', description: 'region | municipality | school' },
      { name: 'organisationId', in: 'query', description: 'Организация-владелец' },
      { name: 'status', in: 'query', description: ROADMAP_STATUSES.join(' | ') },
      { name: 'year', in: 'query', description: 'Год внутри периода дорожной карты' },
    ],
    responses: { 200: { description: 'Дорожные карты', schema: z.array(listRow) } },
  },
  {
    method: 'post',
    path: '/api/v1/roadmaps',
    tag: TAG,
    summary: 'Создать дорожную карту',
    body: { contentType: 'application/json', schema: createRoadmapSchema },
    responses: { 201: { description: 'Созданная дорожная карта', schema: roadmap }, 400: { description: 'Ошибки в полях' }, 403: { description: 'Нет прав' } },
  },
  {
    method: 'get',
    path: '/api/v1/roadmaps/{id}',
    tag: TAG,
    summary: 'Дорожная карта с разделами и мероприятиями (нормализованный период, признак «просрочено»)',
    params: [idParam],
    responses: { 200: { description: 'Дорожная карта', schema: detail }, 404: { description: 'Нет такой карты или нет права её читать' } },
  },
  {
    method: 'patch',
    path: '/api/v1/roadmaps/{id}',
    tag: TAG,
    summary: 'Изменить дорожную карту; version — прочитанная версия',
    params: [idParam],
    body: { contentType: 'application/json', schema: updateRoadmapBodySchema },
    responses: { 200: { description: 'Новая версия', schema: roadmap }, 409: { description: 'Запись уже изменена: ничего не записано' } },
  },
  {
    method: 'delete',
    path: '/api/v1/roadmaps/{id}',
    tag: TAG,
    summary: 'Удалить дорожную карту (мягко: остаётся в истории)',
    params: [idParam, { name: 'version', in: 'query', description: 'Прочитанная версия', required: true }],
    responses: { 204: { description: 'Удалено' }, 409: { description: 'Запись уже изменена' } },
  },
  {
    method: 'post',
    path: '/api/v1/roadmaps/{id}/import',
    tag: TAG,
    summary: 'Импорт таблицы (TSV, CSV, XLSX, DOCX) в дорожную карту; dryRun=true — предпросмотр. Всё или ничего; повторный импорт не создаёт дублей',
    params: [
      idParam,
      { name: 'dryRun', in: 'query', description: 'true — ничего не записывать, вернуть предпросмотр и все ошибки' },
      { name: 'mapping', in: 'query', description: 'JSON: столбец (number, activity, deadline, responsible, result, document) → номер столбца с 0' },
    ],
    body: { contentType: 'text/tab-separated-values', description: 'Сама таблица: Content-Type text/tab-separated-values, text/csv, XLSX или DOCX; до 10 МБ' },
    responses: {
      200: { description: 'Предпросмотр или результат', schema: importResult },
      400: { description: 'Ошибки в таблице (строка, столбец): ничего не записано' },
      413: { description: 'Файл слишком большой' },
      415: { description: 'Формат не поддерживается' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/roadmaps/{id}/export',
    tag: TAG,
    summary: 'Выгрузка дорожной карты в XLSX или CSV (столбцы как в исходных документах плюс статус и выполнение)',
    params: [idParam, { name: 'format', in: 'query', description: 'xlsx (по умолчанию) | csv' }],
    responses: { 200: { description: 'Файл; имя в Content-Disposition (RFC 5987)' } },
  },
  {
    method: 'get',
    path: '/api/v1/roadmaps/evidence/{id}',
    tag: TAG,
    summary: 'Скачать файл-подтверждение отчёта о выполнении',
    params: [{ name: 'id', in: 'path', description: 'Идентификатор подтверждения' }],
    responses: { 200: { description: 'Файл' }, 404: { description: 'Нет такого файла или нет права читать дорожную карту' } },
  },
];
