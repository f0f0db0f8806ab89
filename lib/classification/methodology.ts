/**
 * The parameters of a classification methodology, their validation and the defaults that seeds 004 and 002
 * state. Shares are percentages 0–100 except the two quantile fractions (`disadvantagedFraction`, `topFraction`).
 */
import { z } from 'zod';
import { AppError, type Issue } from '@/lib/errors';
import type { SubjectCode } from './types';
import { SUBJECTS } from './subjects';

const SUBJECT_CODES = SUBJECTS.map((s) => s.code) as [SubjectCode, ...SubjectCode[]];

/** Context fields that can enter the social index. Booleans count as 1 (yes) and 0 (no). */
export const SOCIAL_VARIABLES = [
  'shareLowIncome',
  'shareParentsHigherEd',
  'shareOvz',
  'shareNonNativeRussian',
  'distanceKm',
  'rural',
  'teacherVacancyShare',
  'shareTeachersUnder35',
  'shareTeachers60plus',
  'internetMbps',
  'hasPsychologist',
  'hasSpeechTherapist',
  'hasSocialPedagogue',
  'facilitiesCondition',
] as const;
export type SocialVariable = (typeof SOCIAL_VARIABLES)[number];

export const SOCIAL_VARIABLE_NAMES: Record<SocialVariable, string> = {
  shareLowIncome: 'доля обучающихся из малообеспеченных семей',
  shareParentsHigherEd: 'доля родителей с высшим образованием',
  shareOvz: 'доля обучающихся с ОВЗ',
  shareNonNativeRussian: 'доля обучающихся, для которых русский язык не родной',
  distanceKm: 'расстояние до муниципального центра',
  rural: 'сельская местность',
  teacherVacancyShare: 'доля вакансий учителей',
  shareTeachersUnder35: 'доля учителей моложе 35 лет',
  shareTeachers60plus: 'доля учителей 60 лет и старше',
  internetMbps: 'скорость интернета',
  hasPsychologist: 'наличие педагога-психолога',
  hasSpeechTherapist: 'наличие учителя-логопеда',
  hasSocialPedagogue: 'наличие социального педагога',
  facilitiesCondition: 'состояние материально-технической базы',
};

const number = (field: string) =>
  z.number({ error: `Поле «${field}»: укажите число.` }).refine(Number.isFinite, `Поле «${field}»: укажите число.`);
const nonNegative = (field: string) => number(field).min(0, `Поле «${field}»: значение не может быть отрицательным.`);
const percent = (field: string) => nonNegative(field).max(100, `Поле «${field}»: значение не может быть больше 100%.`);
const fraction = (field: string) =>
  number(field)
    .gt(0, `Поле «${field}»: доля должна быть больше 0.`)
    .max(1, `Поле «${field}»: доля не может быть больше 1.`);
const positiveInt = (field: string) =>
  number(field)
    .int(`Поле «${field}»: укажите целое число.`)
    .min(1, `Поле «${field}»: значение должно быть не меньше 1.`);

const judgedItem = z.object({
  exam: z.enum(['EGE', 'OGE'], { error: 'Поле «экзамен»: допускаются только ЕГЭ и ОГЭ.' }),
  subject: z.enum(SUBJECT_CODES, { error: 'Поле «предмет»: неизвестный предмет.' }),
});

const socialVariable = z.object({
  variable: z.enum(SOCIAL_VARIABLES, { error: 'Поле «переменная индекса»: неизвестная переменная.' }),
  sign: z.union([z.literal(1), z.literal(-1)], { error: 'Поле «направление»: допускается 1 или −1.' }),
  weight: number('вес переменной индекса').gt(0, 'Поле «вес переменной индекса»: вес должен быть больше 0.'),
});

const ruleWeight = (rule: string) => nonNegative(`вес правила ${rule}`);

export const methodologySchema = z.object({
  judged: z
    .array(judgedItem)
    .min(1, 'Поле «оцениваемые экзамены и предметы»: выберите хотя бы один предмет.')
    .refine(
      (items) => new Set(items.map((i) => `${i.exam}:${i.subject}`)).size === items.length,
      'Поле «оцениваемые экзамены и предметы»: предмет указан дважды.',
    ),
  minParticipants: positiveInt('минимальное число участников'),
  r1: z.object({ gapPoints: nonNegative('R1: отставание от среднего по муниципалитету, баллов') }),
  r2: z.object({ minSharePercent: percent('R2: доля участников ниже минимального балла') }),
  r3: z.object({
    twoSharePercent: percent('R3: доля отметок «2» в ВПР'),
    minProcedures: positiveInt('R3: число процедур ВПР'),
    consecutiveYears: z.boolean({ error: 'Поле «R3: два года подряд»: укажите да или нет.' }),
  }),
  r4: z.object({ minContinuationPercent: percent('R4: доля перешедших в 10 класс') }),
  r5: z.object({
    minOlympiadPercent: percent('R5: доля участников олимпиад'),
    years: positiveInt('R5: число лет'),
  }),
  weights: z.object({
    R1: ruleWeight('R1'),
    R2: ruleWeight('R2'),
    R3: ruleWeight('R3'),
    R4: ruleWeight('R4'),
    R5: ruleWeight('R5'),
  }),
  lowResultsThreshold: number('порог суммы весов ШНОР').gt(0, 'Поле «порог суммы весов ШНОР»: порог должен быть больше 0.'),
  stable: z.object({
    minYears: positiveInt('устойчивость: число лет в статусе ШНОР'),
    windowYears: positiveInt('устойчивость: число последних лет с данными'),
  }),
  social: z.object({
    variables: z
      .array(socialVariable)
      .min(1, 'Поле «переменные социального индекса»: выберите хотя бы одну переменную.')
      .refine(
        (items) => new Set(items.map((i) => i.variable)).size === items.length,
        'Поле «переменные социального индекса»: переменная указана дважды.',
      ),
    disadvantagedFraction: fraction('доля самых неблагополучных школ'),
  }),
  hardFactors: z.object({
    distanceKmOver: nonNegative('жёсткий фактор: расстояние до центра, км'),
    vacancySharePercentOver: percent('жёсткий фактор: доля вакансий'),
    internetMbpsUnder: nonNegative('жёсткий фактор: скорость интернета, Мбит/с'),
    minCount: positiveInt('жёсткие факторы: сколько должно выполняться'),
  }),
  clusters: z.object({
    count: positiveInt('число кластеров').max(10, 'Поле «число кластеров»: не больше 10.'),
    disadvantagedClusters: positiveInt('число неблагополучных кластеров для «резильентных» школ'),
  }),
  risk: z.object({
    zScore: nonNegative('профиль рисков: отклонение от среднего по региону, σ'),
    facilitiesPoorAtMost: number('профиль рисков: плохое состояние МТБ, не выше')
      .min(1, 'Поле «профиль рисков: плохое состояние МТБ»: оценка от 1 до 5.')
      .max(5, 'Поле «профиль рисков: плохое состояние МТБ»: оценка от 1 до 5.'),
  }),
  rating: z.object({
    weights: z.object({
      EGE: nonNegative('вес ЕГЭ в рейтинге'),
      OGE: nonNegative('вес ОГЭ в рейтинге'),
      VPR: nonNegative('вес ВПР в рейтинге'),
    }),
  }),
  partners: z.object({
    count: positiveInt('число школ-партнёров'),
    topFraction: fraction('доля лучших школ для партнёрства'),
  }),
}).superRefine((m, ctx) => {
  if (m.stable.minYears > m.stable.windowYears)
    ctx.addIssue({ code: 'custom', path: ['stable', 'minYears'], message: 'Поле «устойчивость: число лет в статусе ШНОР»: не может превышать число последних лет.' });
  if (m.clusters.disadvantagedClusters > m.clusters.count)
    ctx.addIssue({ code: 'custom', path: ['clusters', 'disadvantagedClusters'], message: 'Поле «число неблагополучных кластеров»: не может превышать число кластеров.' });
  if (m.rating.weights.EGE + m.rating.weights.OGE + m.rating.weights.VPR <= 0)
    ctx.addIssue({ code: 'custom', path: ['rating', 'weights'], message: 'Поле «веса рейтинга»: хотя бы один вес должен быть больше 0.' });
});

export type Methodology = z.infer<typeof methodologySchema>;

export const DEFAULT_METHODOLOGY: Methodology = {
  judged: [
    { exam: 'EGE', subject: 'russian' },
    { exam: 'EGE', subject: 'mathematics_profile' },
    { exam: 'OGE', subject: 'russian' },
    { exam: 'OGE', subject: 'mathematics' },
  ],
  minParticipants: 5,
  r1: { gapPoints: 20 },
  r2: { minSharePercent: 0 },
  r3: { twoSharePercent: 30, minProcedures: 2, consecutiveYears: true },
  r4: { minContinuationPercent: 60 },
  r5: { minOlympiadPercent: 0.5, years: 3 },
  weights: { R1: 2, R2: 1, R3: 2, R4: 1, R5: 1 },
  lowResultsThreshold: 2,
  stable: { minYears: 2, windowYears: 3 },
  social: {
    variables: [
      { variable: 'shareLowIncome', sign: 1, weight: 1 },
      { variable: 'shareParentsHigherEd', sign: -1, weight: 1 },
      { variable: 'shareOvz', sign: 1, weight: 1 },
      { variable: 'shareNonNativeRussian', sign: 1, weight: 1 },
      { variable: 'distanceKm', sign: 1, weight: 1 },
      { variable: 'rural', sign: 1, weight: 0.5 },
      { variable: 'teacherVacancyShare', sign: 1, weight: 1 },
      { variable: 'shareTeachersUnder35', sign: -1, weight: 0.5 },
      { variable: 'shareTeachers60plus', sign: 1, weight: 0.5 },
      { variable: 'internetMbps', sign: -1, weight: 0.5 },
      { variable: 'hasPsychologist', sign: -1, weight: 0.5 },
      { variable: 'hasSpeechTherapist', sign: -1, weight: 0.5 },
      { variable: 'hasSocialPedagogue', sign: -1, weight: 0.5 },
      { variable: 'facilitiesCondition', sign: -1, weight: 1 },
    ],
    disadvantagedFraction: 0.25,
  },
  hardFactors: { distanceKmOver: 50, vacancySharePercentOver: 10, internetMbpsUnder: 1, minCount: 2 },
  clusters: { count: 5, disadvantagedClusters: 2 },
  risk: { zScore: 1, facilitiesPoorAtMost: 2 },
  rating: { weights: { EGE: 0.4, OGE: 0.4, VPR: 0.2 } },
  partners: { count: 3, topFraction: 0.25 },
};

/** Validates a methodology from a form or the API; rejects with every problem, each naming its field. */
export function parseMethodology(input: unknown): Methodology {
  const parsed = methodologySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues: Issue[] = parsed.error.issues.map((issue) => ({
    field: issue.path.join('.'),
    message: issue.message.startsWith('Поле')
      ? issue.message
      : `Поле «${issue.path.join('.')}»: значение отсутствует или имеет неверный вид.`,
  }));
  throw new AppError('validation', 'Методика заполнена с ошибками.', issues);
}
