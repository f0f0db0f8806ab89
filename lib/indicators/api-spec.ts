import { z } from 'zod';
import { APPROVAL_STATES, INDICATOR_DIRECTIONS, INDICATOR_KINDS, INDICATOR_LEVELS, INDICATOR_STATUSES, INDICATOR_UNITS } from '@/db/schema/indicators';
import type { OperationSpec } from '@/lib/api/openapi';
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

const approval = z.object({ id: z.uuid(), organisationId: z.uuid(), year: z.number(), quarter: z.number(), state: z.enum(APPROVAL_STATES), comment: z.string(), lockedAt: z.string().nullable(), unlockReason: z.string().nullable(), version: z.number() });

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
    responses: { 200: { description: 'Значения', schema: z.array(value.extend({ organisationName: z.string() })) } },
  },
  {
    method: 'post',
    path: '/api/v1/indicators/{id}/values',
    summary: 'Сохранить значения (всё или ничего; ошибка по каждой ячейке; утверждённый период — 409)',
    tag: TAG,
    params: [idParam],
    body: { contentType: 'application/json', schema: z.object({ values: z.array(valueCellSchema.omit({ indicatorId: true })) }) },
    responses: { 200: { description: 'Сохранённые значения', schema: z.array(value) } },
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
