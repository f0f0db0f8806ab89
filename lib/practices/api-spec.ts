import { z } from 'zod';
import { COST_BANDS, EVIDENCE_LEVELS, PRACTICE_STATUSES } from '@/db/schema/practices';
import type { OperationSpec } from '@/lib/api/openapi';
import { adoptSchema, createPracticeSchema, practiceFieldsSchema, scoreSchema, workflowSchema } from './schemas';

const practice = z.object({
  id: z.uuid(),
  regionId: z.uuid(),
  municipalityId: z.uuid().nullable(),
  schoolId: z.uuid().describe('Школа-автор'),
  title: z.string(),
  summary: z.string(),
  problem: z.string(),
  riskFactors: z.array(z.string()).describe('Факторы риска ФИОКО (как в профиле рисков классификации)'),
  settlement: z.enum(['urban', 'rural']).nullable(),
  pupils: z.number().nullable(),
  socialCluster: z.number().nullable(),
  grades: z.string(),
  subjects: z.array(z.string()),
  body: z.string().describe('Markdown; при выводе переводится в HTML и очищается'),
  resources: z.string(),
  costBand: z.enum(COST_BANDS),
  claimedResults: z.string(),
  tags: z.array(z.string()),
  startedOn: z.string().nullable(),
  evidenceLevel: z.enum(EVIDENCE_LEVELS).nullable(),
  evidenceReason: z.string().nullable(),
  status: z.enum(PRACTICE_STATUSES),
  revision: z.number().describe('Номер версии содержания'),
  publishedVersion: z.number().nullable().describe('Опубликованная версия (видна, пока новая на экспертизе)'),
  version: z.number().describe('Версия записи для оптимистичной блокировки'),
});

const facet = z.array(z.object({ value: z.string(), count: z.number() }));
const searchResult = z.object({
  rows: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      summary: z.string(),
      status: z.enum(PRACTICE_STATUSES),
      costBand: z.enum(COST_BANDS),
      evidenceLevel: z.enum(EVIDENCE_LEVELS).nullable(),
      riskFactors: z.array(z.string()),
      settlement: z.enum(['urban', 'rural']).nullable(),
      schoolName: z.string(),
      snippet: z.string().describe('Фрагмент текста; найденные слова между символами U+0002 и U+0003'),
      rank: z.number(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  counts: z.object({ riskFactor: facet, costBand: facet, evidenceLevel: facet, settlement: facet, status: facet }),
});

const review = z.object({
  id: z.uuid(),
  expertName: z.string(),
  practiceVersion: z.number(),
  submitted: z.boolean(),
  own: z.boolean(),
  comment: z.string().nullable(),
  scores: z.array(z.object({ criterionId: z.uuid(), title: z.string(), score: z.number().describe('−1: балл скрыт до решения'), comment: z.string() })).nullable(),
});

const idParam = { name: 'id', in: 'path' as const, description: 'Идентификатор практики' };
const TAG = 'Банк практик';
const SEARCH_PARAMS = [
  { name: 'q', in: 'query' as const, description: 'Слова запроса (словоформы и опечатки учитываются)' },
  { name: 'riskFactor', in: 'query' as const, description: 'Фактор риска ФИОКО' },
  { name: 'settlement', in: 'query' as const, description: 'urban или rural' },
  { name: 'costBand', in: 'query' as const, description: COST_BANDS.join(', ') },
  { name: 'evidenceLevel', in: 'query' as const, description: EVIDENCE_LEVELS.join(', ') },
  { name: 'status', in: 'query' as const, description: PRACTICE_STATUSES.join(', ') },
  { name: 'subject', in: 'query' as const, description: 'Код предмета' },
  { name: 'cluster', in: 'query' as const, description: 'Социальный кластер школы-автора' },
  { name: 'municipalityId', in: 'query' as const, description: 'Муниципалитет' },
  { name: 'sort', in: 'query' as const, description: 'relevance или date' },
  { name: 'page', in: 'query' as const, description: 'Страница, с 1' },
  { name: 'pageSize', in: 'query' as const, description: 'Размер страницы, до 100' },
];

export const PRACTICE_OPERATIONS: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/v1/practices',
    summary: 'Поиск по банку практик с фильтрами, количествами и страницами',
    tag: TAG,
    params: SEARCH_PARAMS,
    responses: { 200: { description: 'Найденные практики', schema: searchResult } },
  },
  {
    method: 'post',
    path: '/api/v1/practices',
    summary: 'Описать практику (черновик школы)',
    tag: TAG,
    body: { contentType: 'application/json', schema: createPracticeSchema },
    responses: { 201: { description: 'Созданная практика', schema: practice } },
  },
  {
    method: 'get',
    path: '/api/v1/practices/{id}',
    summary: 'Практика с версиями, заключениями, решениями, внедрениями и измеренными изменениями',
    tag: TAG,
    params: [idParam],
    responses: { 200: { description: 'Практика', schema: z.object({ practice, reviews: z.array(review), actions: z.array(z.string()) }) } },
  },
  {
    method: 'put',
    path: '/api/v1/practices/{id}',
    summary: 'Новая версия практики с версией записи, которую прочитали (устаревшая — 409)',
    tag: TAG,
    params: [idParam],
    body: { contentType: 'application/json', schema: practiceFieldsSchema.extend({ version: z.number().int() }) },
    responses: { 200: { description: 'Практика после изменения', schema: practice } },
  },
  {
    method: 'post',
    path: '/api/v1/practices/{id}/workflow',
    summary: 'Шаг экспертизы: подать, назначить эксперта, принять / вернуть / отклонить, опубликовать, в архив',
    tag: TAG,
    params: [idParam],
    body: { contentType: 'application/json', schema: workflowSchema },
    responses: { 200: { description: 'Практика после шага', schema: practice } },
  },
  {
    method: 'get',
    path: '/api/v1/practices/{id}/reviews',
    summary: 'Экспертные заключения, как их может видеть вызывающий',
    tag: TAG,
    params: [idParam],
    responses: { 200: { description: 'Критерии и заключения', schema: z.object({ criteria: z.array(z.object({ id: z.uuid(), title: z.string(), maxScore: z.number() })), reviews: z.array(review) }) } },
  },
  {
    method: 'post',
    path: '/api/v1/practices/{id}/reviews',
    summary: 'Заключение назначенного эксперта: баллы 0–3 по каждому критерию, комментарии, уровень доказанности',
    tag: TAG,
    params: [idParam],
    body: { contentType: 'application/json', schema: scoreSchema },
    responses: { 201: { description: 'Заключение сохранено' } },
  },
  {
    method: 'post',
    path: '/api/v1/practices/{id}/adoptions',
    summary: '«Внедряем»: школа вызывающего начинает применять опубликованную практику',
    tag: TAG,
    params: [idParam],
    body: { contentType: 'application/json', schema: adoptSchema.omit({ id: true }) },
    responses: { 201: { description: 'Внедрение отмечено', schema: z.object({ id: z.uuid() }) } },
  },
  {
    method: 'get',
    path: '/api/v1/practices/export',
    summary: 'Выгрузка банка или результата поиска (те же фильтры) в XLSX или CSV',
    tag: TAG,
    params: [...SEARCH_PARAMS, { name: 'format', in: 'query', description: 'xlsx (по умолчанию) или csv' }],
    responses: { 200: { description: 'Файл XLSX или CSV' } },
  },
  {
    method: 'get',
    path: '/api/v1/practices/attachments/{id}',
    summary: 'Приложенный файл практики (всегда как загрузка)',
    tag: TAG,
    params: [{ name: 'id', in: 'path', description: 'Идентификатор файла' }],
    responses: { 200: { description: 'Файл' } },
  },
];
