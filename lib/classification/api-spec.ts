import { z } from 'zod';
import type { OperationSpec } from '@/lib/api/openapi';
import { createDraftSchema, createRunSchema } from './schemas';

const TAG = 'Классификация школ';
const idParam = { name: 'id', in: 'path' as const, description: 'Идентификатор (uuid)' };
const categories = z.record(z.enum(['low_results', 'unfavourable', 'both', 'resilient', 'none', 'insufficient_data']), z.number());

const run = z.object({
  id: z.string(), year: z.number(), methodologyId: z.string(), methodologyName: z.string(), methodologyVersion: z.number(),
  inputDigest: z.string().describe('sha256 входных данных и параметров методики'), status: z.enum(['draft', 'published']),
  createdAt: z.string(), publishedAt: z.string().nullable(), municipalityId: z.string().nullable(), counts: categories,
  schoolCount: z.number().describe('Число всех школ запуска (не только видимых пользователю)'),
  disadvantagedCut: z.number().nullable().describe('Граница ШНСУ запуска: наименьший социальный индекс самой неблагополучной четверти школ региона'), compact: z.boolean().describe('true — большой запуск (более 2000 школ): по каждой школе сохранены решения и числа (обзор), полное объяснение строится по запросу школы'),
});
const overviewFields = {
  schoolId: z.string(), name: z.string(), municipalityId: z.string(), year: z.number(), category: z.string(),
  rules: z.array(z.object({ rule: z.string(), status: z.string(), year: z.number(), value: z.number().nullable(), reference: z.number().nullable(), threshold: z.number() }).passthrough()),
  lowResults: z.object({ decision: z.string(), score: z.number(), unknownWeight: z.number(), threshold: z.number() }).passthrough(),
  stable: z.object({ decision: z.string() }).passthrough(),
  social: z.object({ index: z.number().nullable(), inDisadvantagedQuarter: z.boolean().nullable() }).passthrough(),
  unfavourable: z.object({ decision: z.string() }).passthrough(),
  cluster: z.number().nullable(),
  results: z.object({ meanScore: z.number().nullable(), municipalGap: z.number().nullable(), clusterGap: z.number().nullable() }).passthrough(),
  rating: z.object({ rank: z.number(), rankLabel: z.string(), score: z.number(), of: z.number().optional().describe('Сколько школ муниципалитета в рейтинге расчёта') }).nullable(),
};
const overview = z.object(overviewFields).describe('Обзор школы: решения и числа без формулировок');
const school = z.object({
  ...overviewFields,
  categorySentence: z.string(),
  rules: z.array(z.object({ rule: z.string(), status: z.string(), year: z.number(), value: z.number().nullable(), reference: z.number().nullable(), threshold: z.number(), source: z.string(), sentence: z.string(), details: z.array(z.record(z.string(), z.unknown())) }).passthrough()),
  lowResults: z.object({ decision: z.string(), score: z.number(), threshold: z.number(), sentence: z.string() }).passthrough(),
  unfavourable: z.object({ decision: z.string(), reasons: z.array(z.string()) }),
  riskProfile: z.array(z.record(z.string(), z.unknown())), exit: z.record(z.string(), z.unknown()).nullable(), partners: z.array(z.record(z.string(), z.unknown())),
}).passthrough().describe('Полный результат школы со всеми формулировками');
const schoolDetail = z.object({
  school: school.nullable().describe('null — запуск большой, а исходные данные с тех пор изменились: известен только сохранённый обзор'),
  overview,
  history: z.array(z.object({ year: z.number(), category: z.string(), runId: z.string() })),
  inputsUnchanged: z.boolean(),
});
const methodology = z.object({
  id: z.string(), regionId: z.string(), name: z.string(), versionNumber: z.number(), status: z.enum(['draft', 'active', 'archived']),
  params: z.record(z.string(), z.unknown()), note: z.string().nullable(), activatedAt: z.string().nullable(), version: z.number(), createdAt: z.string(),
});
const change = z.object({ schoolId: z.string(), name: z.string(), municipalityId: z.string(), list: z.string(), before: z.string(), after: z.string(), changedBy: z.string().describe('Что изменило решение: правило (код и название), порог, веса или социальная граница'), reasons: z.array(z.string()) });
const whatIf = z.object({
  entering: z.object({ lowResults: z.array(change), unfavourable: z.array(change) }),
  leaving: z.object({ lowResults: z.array(change), unfavourable: z.array(change) }),
  categoryChanges: z.array(change), unchanged: z.number(), schoolCount: z.number(),
  activeRunSummary: z.object({ methodologyId: z.string(), methodologyName: z.string(), methodologyVersion: z.number(), counts: categories }),
  draftSummary: z.object({ methodologyId: z.string(), methodologyName: z.string(), methodologyVersion: z.number(), counts: categories }),
});
const importResult = z.object({
  committed: z.boolean(), sheets: z.array(z.string()), headerRow: z.number(), headers: z.array(z.string()),
  mapping: z.record(z.string(), z.union([z.object({ column: z.number() }), z.object({ value: z.string() })])),
  counts: z.object({ create: z.number(), update: z.number(), unchanged: z.number() }),
  issues: z.array(z.object({ message: z.string(), row: z.number().optional(), column: z.string().optional(), field: z.string().optional() })),
  sample: z.array(z.object({ rowNumber: z.number(), action: z.enum(['create', 'update', 'unchanged']), school: z.string(), key: z.string() })),
});
const ok = z.object({ ok: z.literal(true) });

function importOperation(path: string, what: string, columns: string): OperationSpec {
  return {
    method: 'post', path, tag: TAG,
    summary: `Импорт ${what} из CSV/XLSX (ключ — школа + год${path.endsWith('assessments') ? ' + экзамен + предмет [+ класс]' : ''}); с dryRun=true — только предпросмотр`,
    params: [{ name: 'dryRun', in: 'query', description: 'true — ничего не записывать, вернуть план и ошибки' }],
    body: { contentType: 'multipart/form-data', description: `Поля: file (CSV/XLSX до 10 МБ), mapping (JSON: поле → {column} или {value}; поля: ${columns}), headerRow, sheet` },
    responses: { 200: { description: 'План импорта или результат', schema: importResult }, 400: { description: 'Ошибки в файле (строка и столбец): ничего не записано' }, 413: { description: 'Файл слишком большой' } },
  };
}

export const CLASSIFICATION_OPERATIONS: OperationSpec[] = [
  { method: 'get', path: '/api/v1/classification/runs', tag: TAG, summary: 'Запуски классификации, доступные пользователю', params: [{ name: 'year', in: 'query', description: 'Год' }], responses: { 200: { description: 'Запуски', schema: z.array(run) } } },
  {
    method: 'post', path: '/api/v1/classification/runs', tag: TAG,
    summary: 'Классифицировать школы региона (или муниципалитета) за год по методике (по умолчанию — действующей)',
    body: { contentType: 'application/json', schema: createRunSchema },
    responses: { 200: { description: 'Запуск сохранён со всеми школами', schema: run }, 403: { description: 'Нет права запускать классификацию для этой территории' } },
  },
  {
    method: 'get', path: '/api/v1/classification/runs/{id}', tag: TAG, summary: 'Запуск: каждая школа с категориями и объяснениями (в большом запуске — обзоры школ)', params: [idParam],
    responses: { 200: { description: 'Запуск и школы: полные результаты, а при compact=true — обзоры', schema: run.extend({ schools: z.array(z.union([school, overview])).describe('Школы запуска, доступные пользователю'), municipalityNames: z.record(z.string(), z.string()).describe('Названия муниципалитетов запуска: идентификатор → название') }) }, 404: { description: 'Запуск не найден или недоступен' } },
  },
  {
    method: 'get', path: '/api/v1/classification/runs/{id}/schools/{schoolId}', tag: TAG, summary: 'Школа в запуске: полное объяснение, обзор и история по годам',
    params: [idParam, { name: 'schoolId', in: 'path', description: 'Идентификатор школы (uuid)' }],
    responses: { 200: { description: 'Карточка школы', schema: schoolDetail }, 404: { description: 'Запуск или школа не найдены или недоступны' } },
  },
  {
    method: 'get', path: '/api/v1/classification/runs/{id}/export', tag: TAG,
    summary: 'Выгрузка запуска в XLSX или CSV: школа, муниципалитет, категория, сработавшие правила, решения, индекс, кластер, рейтинг',
    params: [idParam, { name: 'format', in: 'query', description: 'xlsx (по умолчанию) | csv' }],
    responses: { 200: { description: 'Файл; имя в Content-Disposition (RFC 5987)' }, 404: { description: 'Запуск не найден или недоступен' } },
  },
  { method: 'post', path: '/api/v1/classification/runs/{id}/publish', tag: TAG, summary: 'Опубликовать запуск (виден всем читателям)', params: [idParam], responses: { 200: { description: 'Опубликован', schema: ok } } },
  { method: 'get', path: '/api/v1/methodologies', tag: TAG, summary: 'Версии методики региона (версия 1 создаётся из параметров по умолчанию)', responses: { 200: { description: 'Методики', schema: z.array(methodology) } } },
  { method: 'post', path: '/api/v1/methodologies', tag: TAG, summary: 'Создать черновик методики (копия действующей или fromId)', body: { contentType: 'application/json', schema: createDraftSchema }, responses: { 200: { description: 'Черновик', schema: methodology } } },
  { method: 'get', path: '/api/v1/methodologies/{id}', tag: TAG, summary: 'Методика', params: [idParam], responses: { 200: { description: 'Методика', schema: methodology } } },
  {
    method: 'patch', path: '/api/v1/methodologies/{id}', tag: TAG, summary: 'Изменить черновик методики (параметры проверяются, ошибки — по полям)', params: [idParam],
    body: { contentType: 'application/json', schema: z.object({ version: z.number().int(), name: z.string().optional(), note: z.string().nullable().optional(), params: z.record(z.string(), z.unknown()) }) },
    responses: { 200: { description: 'Черновик', schema: methodology }, 400: { description: 'Ошибки в параметрах' }, 409: { description: 'Не черновик или устаревшая версия' } },
  },
  { method: 'post', path: '/api/v1/methodologies/{id}/activate', tag: TAG, summary: 'Сделать черновик действующей методикой (прежняя — в архив)', params: [idParam], body: { contentType: 'application/json', schema: z.object({ version: z.number().int() }) }, responses: { 200: { description: 'Активирована', schema: ok } } },
  {
    method: 'post', path: '/api/v1/methodologies/{id}/what-if', tag: TAG, summary: 'Что будет, если: черновик против действующей методики на тех же данных', params: [idParam],
    body: { contentType: 'application/json', schema: z.object({ year: z.number().int(), municipalityId: z.string().optional() }) },
    responses: { 200: { description: 'Какие школы войдут в списки и выйдут из них, и почему', schema: whatIf } },
  },
  importOperation('/api/v1/classification/import/assessments', 'результатов оценочных процедур', 'ogrn, schoolName, year, exam, subject, grade, participants, meanScore, maxScore, belowMinimum, marks2–marks5, highScorers'),
  importOperation('/api/v1/classification/import/contexts', 'контекстных данных школ', 'ogrn, schoolName, year, pupils, continuationShare9to10, olympiadParticipants, shareOvz, shareLowIncome, … facilitiesCondition'),
];
