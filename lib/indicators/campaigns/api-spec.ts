import { z } from 'zod';
import { CAMPAIGN_ASKED_KINDS, CAMPAIGN_STATUSES } from '@/db/schema/campaigns';
import type { OperationSpec } from '@/lib/api/openapi';
import { COMPLETENESS_STATUSES } from './completeness';
import { campaignDueDateSchema, campaignStatusSchema, createCampaignSchema } from './schemas';

const campaign = z.object({
  id: z.uuid(),
  regionId: z.uuid(),
  municipalityId: z.uuid().nullable().describe('Муниципалитет, если запрашивает он (у своих школ)'),
  askingOrganisationId: z.uuid(),
  askedKind: z.enum(CAMPAIGN_ASKED_KINDS).describe('Кого запрашивают: муниципалитеты или школы'),
  title: z.string(),
  description: z.string(),
  year: z.number(),
  quarter: z.number().describe('0 — год целиком'),
  dueDate: z.string().describe('Срок представления, ГГГГ-ММ-ДД; сам день срока ещё не просрочка'),
  status: z.enum(CAMPAIGN_STATUSES),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number(),
});

const rate = z.object({
  expected: z.number().describe('Запрошено организаций'),
  submitted: z.number().describe('Представили или утверждено'),
  onTime: z.number().describe('Представили не позже дня срока'),
  late: z.number().describe('Срок прошёл, не представили'),
  byStatus: z.record(z.enum(COMPLETENESS_STATUSES), z.number()),
  submittedShare: z.number().nullable().describe('Доля представивших (reporting rate)'),
  onTimeShare: z.number().nullable().describe('Доля представивших в срок'),
});

const organisation = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(COMPLETENESS_STATUSES).describe('не начато, в работе, представлено, утверждено, возвращено, просрочено'),
  submitted: z.boolean(),
  onTime: z.boolean().nullable(),
  late: z.boolean(),
  daysLate: z.number(),
  valuesEntered: z.number(),
  indicatorCount: z.number(),
  submittedAt: z.string().nullable(),
  lastReminderAt: z.string().nullable(),
});

const idParam = { name: 'id', in: 'path' as const, description: 'Идентификатор кампании сбора' };
const TAG = 'Кампании сбора показателей';

export const CAMPAIGN_OPERATIONS: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/v1/indicator-campaigns',
    summary: 'Кампании сбора, доступные вызывающему, с полнотой представления',
    tag: TAG,
    params: [{ name: 'status', in: 'query', description: 'draft, open или closed' }],
    responses: { 200: { description: 'Кампании', schema: z.array(campaign.extend({ askingName: z.string(), rate })) } },
  },
  {
    method: 'post',
    path: '/api/v1/indicator-campaigns',
    summary: 'Объявить кампанию: регион — муниципалитетам, муниципалитет — своим школам',
    tag: TAG,
    body: { contentType: 'application/json', schema: createCampaignSchema },
    responses: { 201: { description: 'Созданная кампания', schema: campaign } },
  },
  {
    method: 'get',
    path: '/api/v1/indicator-campaigns/{id}',
    summary: 'Кампания с состоянием каждой запрошенной организации',
    tag: TAG,
    params: [idParam],
    responses: { 200: { description: 'Кампания', schema: z.object({ campaign, askingName: z.string(), indicators: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })), rate, organisations: z.array(organisation) }) } },
  },
  {
    method: 'patch',
    path: '/api/v1/indicator-campaigns/{id}',
    summary: 'Начать сбор, закрыть или открыть снова (action) либо перенести срок (dueDate) с версией, которую прочитали (устаревшая — 409)',
    tag: TAG,
    params: [idParam],
    body: { contentType: 'application/json', schema: z.union([campaignStatusSchema.omit({ id: true }), campaignDueDateSchema.omit({ id: true })]) },
    responses: { 200: { description: 'Кампания после изменения', schema: campaign } },
  },
  {
    method: 'post',
    path: '/api/v1/indicator-campaigns/{id}/remind',
    summary: 'Напомнить опоздавшим по электронной почте (не чаще раза в 12 часов на организацию; без SMTP — 409)',
    tag: TAG,
    params: [idParam],
    responses: {
      200: {
        description: 'Кому отправлено',
        schema: z.object({
          sent: z.array(z.object({ organisation: z.string(), recipient: z.string() })),
          failed: z.array(z.object({ organisation: z.string(), recipient: z.string(), error: z.string() })),
          recentlyReminded: z.array(z.string()),
          withoutRecipients: z.array(z.string()),
        }),
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/indicator-campaigns/{id}/late',
    summary: 'Список не представивших (опоздавшие первыми) в XLSX или CSV',
    tag: TAG,
    params: [idParam, { name: 'format', in: 'query', description: 'xlsx (по умолчанию) или csv' }],
    responses: { 200: { description: 'Файл' } },
  },
];
