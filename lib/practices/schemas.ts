/**
 * Zod schemas of the practice bank, shared by the forms (server actions), the API and the demo seed. Messages in
 * Russian name the field.
 */
import { z } from 'zod';
import { COST_BANDS, EVIDENCE_LEVELS, PRACTICE_STATUSES } from '@/db/schema/practices';
import { RISK_FACTORS } from '@/lib/classification/risk';
import { SUBJECTS } from '@/lib/classification/subjects';
import { isId } from '@/lib/ids';
import { versionField } from '@/lib/validation';

const SUBJECT_CODES = SUBJECTS.map((s) => s.code) as [string, ...string[]];

/** A form sends one checked box as a string and none as nothing: always an array. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value]), z.array(item));

const text = (label: string, max: number, min = 0) =>
  z
    .string({ message: `${label}: заполните поле` })
    .trim()
    .max(max, `${label}: не длиннее ${max} символов`)
    .refine((v) => v.length >= min, `${label}: ${min > 1 ? `не короче ${min} символов` : 'заполните поле'}`);

const id = (label: string) => z.string().refine(isId, `${label}: запись не найдена`);

const isoDate = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: дата в формате ГГГГ-ММ-ДД`)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), `${label}: такой даты нет`);

export const authorSchema = z.object({
  name: text('ФИО автора', 200, 3),
  role: text('Должность автора', 200).default(''),
  consentPublic: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()).default(false),
});

/** The fields of a practice as its authors write them. */
export const practiceFieldsSchema = z.object({
  title: text('Название', 200, 5),
  summary: text('Краткое описание', 600, 20),
  problem: text('Проблема', 4000).default(''),
  riskFactors: list(z.enum(RISK_FACTORS, { message: 'Фактор риска: выберите из списка ФИОКО' })).refine((v) => v.length > 0, 'Факторы риска: выберите хотя бы один'),
  grades: text('Классы', 100).default(''),
  subjects: list(z.enum(SUBJECT_CODES, { message: 'Предмет: выберите из списка' })).default([]),
  body: text('Что было сделано', 40_000, 20),
  resources: text('Ресурсы', 4000).default(''),
  costBand: z.enum(COST_BANDS, { message: 'Затраты: выберите из списка' }).default('none'),
  claimedResults: text('Результаты по оценке авторов', 4000).default(''),
  tags: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',') : v ?? []), z.array(z.string().trim().max(60, 'Метка: не длиннее 60 символов')))
    .transform((tags) => [...new Set(tags.filter(Boolean).map((t) => t.toLowerCase()))].slice(0, 20)),
  startedOn: z.preprocess((v) => (v === '' ? null : v), isoDate('Дата начала').nullish()),
  authors: z.array(authorSchema).max(10, 'Авторы: не больше 10').default([]),
  roadmapItemIds: list(id('Мероприятие дорожной карты')).default([]),
  indicatorIds: list(id('Показатель')).default([]),
});
export type PracticeFieldsInput = z.input<typeof practiceFieldsSchema>;
export type PracticeFields = z.output<typeof practiceFieldsSchema>;

export const createPracticeSchema = practiceFieldsSchema.extend({
  /** The author school: a school team writes for its own school; others name it. */
  schoolId: id('Школа').optional(),
});
export type CreatePracticeInput = z.input<typeof createPracticeSchema>;

export const updatePracticeSchema = practiceFieldsSchema.extend({ id: id('Практика'), version: versionField });
export type UpdatePracticeInput = z.input<typeof updatePracticeSchema>;

/** Form fields «authorN.name», «authorN.role», «authorN.consentPublic» (N = 0…4) as the `authors` array. */
export function authorsFromForm(values: Record<string, unknown>): Record<string, unknown> {
  const authors: Record<string, unknown>[] = [];
  for (let n = 0; n < 5; n += 1) {
    const name = values[`author${n}Name`];
    if (typeof name === 'string' && name.trim()) {
      authors.push({ name, role: values[`author${n}Role`] ?? '', consentPublic: values[`author${n}Consent`] === 'on' });
    }
  }
  return { ...values, authors };
}

export const practiceFormSchema = z.preprocess((v) => authorsFromForm(v as Record<string, unknown>), createPracticeSchema.extend({ id: id('Практика').optional(), version: versionField.optional() }));

export const stepSchema = z.object({ id: id('Практика'), version: versionField });
export type StepInput = z.input<typeof stepSchema>;

export const assignSchema = stepSchema.extend({ expertId: id('Эксперт') });
export type AssignInput = z.input<typeof assignSchema>;

export const scoreSchema = z.object({
  reviewId: id('Экспертиза'),
  version: versionField,
  comment: text('Заключение эксперта', 4000, 10),
  evidenceLevel: z.enum(EVIDENCE_LEVELS, { message: 'Уровень доказанности: выберите из списка' }),
  evidenceReason: text('Обоснование уровня доказанности', 2000, 10),
  scores: z.array(z.object({ criterionId: id('Критерий'), score: z.coerce.number({ message: 'Оценка: число от 0 до 3' }).int('Оценка: целое число'), comment: text('Комментарий к оценке', 2000).default('') })),
});
export type ScoreInput = z.input<typeof scoreSchema>;

/** Form fields «score.<criterionId>» and «scoreComment.<criterionId>» as the `scores` array. */
export function scoresFromForm(values: Record<string, unknown>): Record<string, unknown> {
  const scores = Object.entries(values)
    .filter(([key, value]) => key.startsWith('score.') && value !== '')
    .map(([key, value]) => {
      const criterionId = key.slice('score.'.length);
      return { criterionId, score: value, comment: values[`scoreComment.${criterionId}`] ?? '' };
    });
  return { ...values, scores };
}
export const scoreFormSchema = z.preprocess((v) => scoresFromForm(v as Record<string, unknown>), scoreSchema);

export const decideSchema = stepSchema
  .extend({
    kind: z.enum(['accept', 'return', 'reject'], { message: 'Решение: выберите «принять», «вернуть» или «отклонить»' }),
    comment: text('Комментарий к решению', 4000).default(''),
    evidenceLevel: z.preprocess((v) => (v === '' ? undefined : v), z.enum(EVIDENCE_LEVELS, { message: 'Уровень доказанности: выберите из списка' }).optional()),
    evidenceReason: text('Обоснование уровня доказанности', 2000).default(''),
  })
  .superRefine((v, ctx) => {
    if ((v.kind === 'return' || v.kind === 'reject') && v.comment.length < 10) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: v.kind === 'return' ? 'Комментарий: напишите, что доработать (не короче 10 символов)' : 'Комментарий: укажите причины отклонения (не короче 10 символов)' });
    }
    if (v.kind === 'accept' && (!v.evidenceLevel || v.evidenceReason.length < 10)) {
      ctx.addIssue({ code: 'custom', path: ['evidenceReason'], message: 'Уровень доказанности: выберите уровень и обоснуйте его (не короче 10 символов)' });
    }
  });
export type DecideInput = z.input<typeof decideSchema>;

export const adoptSchema = z.object({
  id: id('Практика'),
  startedOn: isoDate('Дата начала внедрения'),
  note: text('Комментарий', 1000).default(''),
  schoolId: id('Школа').optional(),
});
export type AdoptInput = z.input<typeof adoptSchema>;

export const SORTS = ['relevance', 'date'] as const;

export const searchSchema = z.object({
  q: z.string().trim().max(200, 'Запрос: не длиннее 200 символов').optional().default(''),
  riskFactor: z.preprocess((v) => (v === '' ? undefined : v), z.enum(RISK_FACTORS, { message: 'Фактор риска: выберите из списка' }).optional()),
  settlement: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['urban', 'rural'], { message: 'Местность: городская или сельская' }).optional()),
  costBand: z.preprocess((v) => (v === '' ? undefined : v), z.enum(COST_BANDS, { message: 'Затраты: выберите из списка' }).optional()),
  evidenceLevel: z.preprocess((v) => (v === '' ? undefined : v), z.enum(EVIDENCE_LEVELS, { message: 'Уровень доказанности: выберите из списка' }).optional()),
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(PRACTICE_STATUSES, { message: 'Статус: выберите из списка' }).optional()),
  subject: z.preprocess((v) => (v === '' ? undefined : v), z.enum(SUBJECT_CODES, { message: 'Предмет: выберите из списка' }).optional()),
  cluster: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ message: 'Кластер: число' }).int('Кластер: целое число').min(1).max(10).optional()),
  municipalityId: z.preprocess((v) => (v === '' ? undefined : v), id('Муниципалитет').optional()),
  sort: z.preprocess((v) => (v === '' ? undefined : v), z.enum(SORTS, { message: 'Сортировка: по релевантности или по дате' }).optional()),
  page: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ message: 'Страница: число' }).int().min(1, 'Страница: от 1').max(1000).optional()),
  pageSize: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ message: 'Размер страницы: число' }).int().min(1).max(100).optional()),
});
export type SearchInput = z.input<typeof searchSchema>;
export type SearchFilters = z.output<typeof searchSchema>;

/** A workflow step through the API: one body per step, told apart by `action`. */
export const workflowSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), version: versionField }),
  z.object({ action: z.literal('assign'), version: versionField, expertId: id('Эксперт') }),
  z.object({
    action: z.enum(['accept', 'return', 'reject']),
    version: versionField,
    comment: z.string().default(''),
    evidenceLevel: z.enum(EVIDENCE_LEVELS).optional(),
    evidenceReason: z.string().default(''),
  }),
  z.object({ action: z.literal('publish'), version: versionField }),
  z.object({ action: z.literal('archive'), version: versionField }),
], { message: 'Действие: submit, assign, accept, return, reject, publish или archive' });
export type WorkflowInput = z.input<typeof workflowSchema>;
