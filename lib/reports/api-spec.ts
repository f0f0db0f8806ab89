import { z } from 'zod';
import { REPORT_JOB_STATUSES } from '@/db/schema/reports';
import type { OperationSpec } from '@/lib/api/openapi';
import { requestReportSchema } from './schemas';

const storedReport = z.object({
  id: z.uuid(),
  kind: z.string().describe('monitoring — мониторинговый отчёт; roadmap_execution — отчёт об исполнении дорожной карты'),
  kindLabel: z.string(),
  format: z.string(),
  organisationId: z.uuid().nullable(),
  roadmapId: z.uuid().nullable(),
  year: z.number().nullable(),
  onDate: z.string().describe('Дата, на которую оценены сроки мероприятий (ГГГГ-ММ-ДД)'),
  parameters: z.object({ kind: z.string(), format: z.string(), organisation: z.string().nullable(), year: z.number().nullable(), roadmap: z.string().nullable(), onDate: z.string() }),
  title: z.string(),
  status: z.enum(REPORT_JOB_STATUSES),
  progress: z.number().describe('0–100'),
  stage: z.string().describe('Что делается сейчас, словами'),
  error: z.string().nullable(),
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  digest: z.string().nullable().describe('SHA-256 файла (hex)'),
  requestedByName: z.string(),
  requestedByRole: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

const idParam = { name: 'id', in: 'path' as const, description: 'Идентификатор отчёта' };
const TAG = 'Отчёты';

export const REPORT_OPERATIONS: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/v1/reports',
    summary: 'Сформированные отчёты региона или муниципалитета вызывающего: кто, когда, параметры, отпечаток файла',
    tag: TAG,
    responses: { 200: { description: 'Отчёты, новые сверху', schema: z.array(storedReport) } },
  },
  {
    method: 'post',
    path: '/api/v1/reports',
    summary: 'Поставить отчёт в очередь (мониторинговый — по региону или муниципалитету за год; исполнение — по дорожной карте)',
    tag: TAG,
    body: { contentType: 'application/json', schema: requestReportSchema },
    responses: { 202: { description: 'Задание в очереди', schema: storedReport } },
  },
  {
    method: 'get',
    path: '/api/v1/reports/{id}',
    summary: 'Состояние задания: в очереди, формируется (с долей готовности), готово, ошибка',
    tag: TAG,
    params: [idParam],
    responses: { 200: { description: 'Отчёт', schema: storedReport } },
  },
  {
    method: 'get',
    path: '/api/v1/reports/{id}/file',
    summary: 'Скачать файл готового отчёта (скачивание записывается в журнал; не готов — 409)',
    tag: TAG,
    params: [idParam],
    responses: { 200: { description: 'Файл отчёта; заголовок X-Content-SHA256 — его отпечаток' } },
  },
];
