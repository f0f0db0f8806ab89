/**
 * Zod inputs of the indicators domain, shared by forms (FormData), the API (JSON) and the domain functions,
 * which parse again. Messages are Russian and name the field.
 */
import { z } from 'zod';
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  INDICATOR_LEVELS,
  INDICATOR_PERIODICITIES,
  INDICATOR_STATUSES,
  INDICATOR_TARGET_KINDS,
  INDICATOR_UNITS,
  QUARTER_RULES,
} from '@/db/schema/indicators';
import type { IndicatorUnit, QuarterRule } from '@/db/schema/indicators';
import { formatNumber } from '@/lib/format/ru';
import type { EvidenceUpload } from '@/lib/roadmaps/schemas';
import { QUARTER_RULE_LABELS, quarterRulesFor } from './quarters';
import { optionalNumber, optionalText, versionField } from '@/lib/validation';

export const UNIT_LABELS: Record<(typeof INDICATOR_UNITS)[number], string> = {
  percent: 'процент',
  number: 'число',
  count: 'количество',
  boolean: 'да/нет',
  score: 'балл',
};
/** One precision per unit wherever an indicator's value is shown: shares and scores in tenths, counts whole. */
export const UNIT_DIGITS: Record<(typeof INDICATOR_UNITS)[number], number> = {
  percent: 1,
  number: 1,
  count: 0,
  boolean: 0,
  score: 1,
};
export const DIRECTION_LABELS: Record<(typeof INDICATOR_DIRECTIONS)[number], string> = {
  higher: 'больше — лучше',
  lower: 'меньше — лучше',
};
export const LEVEL_LABELS: Record<(typeof INDICATOR_LEVELS)[number], string> = {
  school: 'школа',
  municipality: 'муниципалитет',
  region: 'регион',
};
export const KIND_LABELS: Record<(typeof INDICATOR_KINDS)[number], string> = { entered: 'вводимый', computed: 'вычисляемый' };
export const INDICATOR_STATUS_LABELS: Record<(typeof INDICATOR_STATUSES)[number], string> = {
  draft: 'черновик',
  active: 'действует',
  archived: 'архив',
};

// ——— Computed-indicator expression ———

export const SCHOOL_SETS = ['all', 'low_results', 'unfavourable', 'resilient'] as const;
export type SchoolSet = (typeof SCHOOL_SETS)[number];

export const FACT_VARIABLES = {
  context: [
    'internetMbps',
    'shareTeachersUnder35',
    'olympiadParticipants',
    'continuationShare9to10',
    'hasPsychologist',
    'hasSpeechTherapist',
    'hasSocialPedagogue',
    'teacherVacancyShare',
    'pupils',
  ],
  results: ['egeBelowMinimum', 'ogeMarks2', 'egeMean', 'ogeMean', 'vpr2Share'],
  roadmap: ['approved', 'onTimeShare', 'overdueItems'],
  entered: ['value'],
} as const;
export type FactSource = keyof typeof FACT_VARIABLES;
const FACT_SOURCES = Object.keys(FACT_VARIABLES) as FactSource[];

export const CONDITION_OPERATORS = ['>=', '>', '<=', '<', '=', 'is_true', 'is_false'] as const;

const code = z
  .string({ message: 'Код: обязательное поле' })
  .trim()
  .min(1, 'Код: обязательное поле')
  .max(40, 'Код: не длиннее 40 символов')
  .regex(/^[\p{L}\p{N}._-]+$/u, 'Код: буквы, цифры, точка, дефис или подчёркивание');

const fact = z
  .object({
    source: z.enum(FACT_SOURCES as [FactSource, ...FactSource[]], { message: 'Источник факта: неизвестен' }),
    variable: z.string(),
    code: code.optional(),
  })
  .superRefine((f, ctx) => {
    if (!(FACT_VARIABLES[f.source] as readonly string[]).includes(f.variable)) {
      ctx.addIssue({ code: 'custom', path: ['variable'], message: `Признак «${f.variable}» не относится к источнику «${f.source}»` });
    }
    if (f.source === 'entered' && !f.code) ctx.addIssue({ code: 'custom', path: ['code'], message: 'Укажите код вводимого показателя' });
  });

export const conditionSchema = z.intersection(
  fact,
  z.object({
    operator: z.enum(CONDITION_OPERATORS, { message: 'Условие: неизвестное сравнение' }),
    value: z.number({ message: 'Условие: число для сравнения' }).finite().optional(),
  }),
);
export type Condition = z.infer<typeof conditionSchema>;

export const expressionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('share_of_schools'),
    set: z.enum(SCHOOL_SETS, { message: 'Множество школ: неизвестно' }),
    where: z.array(conditionSchema).min(1, 'Формула: нужно хотя бы одно условие').max(10, 'Формула: не больше 10 условий'),
  }),
  z.object({ type: z.literal('mean_of_schools'), set: z.enum(SCHOOL_SETS, { message: 'Множество школ: неизвестно' }), of: fact }),
  z.object({ type: z.literal('entered_ratio'), numerator: code, denominator: code.optional() }),
], { message: 'Формула: неизвестный вид' });
export type IndicatorExpression = z.infer<typeof expressionSchema>;

/** Ten conditions fit in a few thousand characters; longer text is refused before it is parsed. */
export const EXPRESSION_TEXT_MAX = 10_000;

/** A form sends the expression as JSON text; the API as an object. */
const expressionInput = z.preprocess((v, ctx) => {
  if (typeof v !== 'string') return v;
  if (v.trim() === '') return null;
  if (v.length > EXPRESSION_TEXT_MAX) {
    ctx.addIssue({ code: 'custom', message: `Формула: не длиннее ${formatNumber(EXPRESSION_TEXT_MAX)} символов` });
    return z.NEVER;
  }
  try {
    return JSON.parse(v);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'Формула: не читается — нужен JSON, например {"type": "entered_ratio", "numerator": "9"}' });
    return z.NEVER;
  }
}, expressionSchema.nullish());

// ——— Catalogue ———

const requiredText = (label: string, max: number) =>
  z.string({ message: `${label}: обязательное поле` }).trim().min(1, `${label}: обязательное поле`).max(max, `${label}: не длиннее ${max} символов`);
const plainText = (label: string, max: number) => z.string().trim().max(max, `${label}: не длиннее ${max} символов`);

export const year = (label = 'Год') =>
  z.coerce.number({ message: `${label}: укажите год` }).int(`${label}: целое число`).min(2000, `${label}: не раньше 2000`).max(2100, `${label}: не позже 2100`);

const indicatorFields = {
  code,
  name: requiredText('Наименование', 1000),
  description: plainText('Описание', 4000).default(''),
  method: plainText('Методика расчёта', 4000).default(''),
  unit: z.enum(INDICATOR_UNITS, { message: 'Единица: выберите из списка' }),
  direction: z.enum(INDICATOR_DIRECTIONS, { message: 'Направление: выберите из списка' }).default('higher'),
  source: plainText('Источник данных', 300).default(''),
  level: z.enum(INDICATOR_LEVELS, { message: 'Уровень: выберите из списка' }),
  kind: z.enum(INDICATOR_KINDS, { message: 'Вид: выберите из списка' }),
  periodicity: z.enum(INDICATOR_PERIODICITIES, { message: 'Периодичность: выберите из списка' }).default('year'),
  quarterRule: z.enum(QUARTER_RULES, { message: 'Годовое значение по кварталам: выберите из списка' }).default('last'),
  expression: expressionInput,
  roadmapId: z.uuid({ message: 'Дорожная карта: неверный идентификатор' }).nullish().or(z.literal('').transform(() => null)),
  status: z.enum(INDICATOR_STATUSES, { message: 'Статус: выберите из списка' }).default('draft'),
  outlierJump: optionalNumber({ label: 'Допустимый скачок за год', min: 0 }),
  minValue: optionalNumber({ label: 'Минимум' }),
  maxValue: optionalNumber({ label: 'Максимум' }),
  closeShare: optionalNumber({ label: '«Близко к цели», доля пути', min: 0.01, max: 0.99 }),
};

function kindAndExpression(v: { kind?: string; expression?: unknown; minValue?: number | null; maxValue?: number | null; unit?: IndicatorUnit; quarterRule?: QuarterRule }, ctx: z.RefinementCtx) {
  if (v.unit && v.quarterRule && !quarterRulesFor(v.unit).includes(v.quarterRule)) {
    ctx.addIssue({ code: 'custom', path: ['quarterRule'], message: `Годовое значение по кварталам: для единицы «${UNIT_LABELS[v.unit]}» — ${quarterRulesFor(v.unit).map((r) => QUARTER_RULE_LABELS[r]).join(' или ')}` });
  }
  if (v.kind === 'computed' && !v.expression) ctx.addIssue({ code: 'custom', path: ['expression'], message: 'Формула: обязательна для вычисляемого показателя' });
  if (v.kind === 'entered' && v.expression) ctx.addIssue({ code: 'custom', path: ['expression'], message: 'Формула: у вводимого показателя её нет' });
  if (v.minValue != null && v.maxValue != null && v.minValue > v.maxValue) ctx.addIssue({ code: 'custom', path: ['maxValue'], message: 'Максимум меньше минимума' });
}

export const createIndicatorSchema = z.object(indicatorFields).superRefine(kindAndExpression);
export type CreateIndicatorInput = z.input<typeof createIndicatorSchema>;

/**
 * An update names only what changes (the API's PATCH; the form sends every field): no defaults here, or a field
 * left out would be reset to a new indicator's default (status «черновик», empty description…).
 */
export const indicatorChangesSchema = z
  .object({
    ...indicatorFields,
    description: indicatorFields.description.removeDefault(),
    method: indicatorFields.method.removeDefault(),
    direction: indicatorFields.direction.removeDefault(),
    source: indicatorFields.source.removeDefault(),
    periodicity: indicatorFields.periodicity.removeDefault(),
    quarterRule: indicatorFields.quarterRule.removeDefault(),
    status: indicatorFields.status.removeDefault(),
  })
  .partial({ code: true, name: true, unit: true, level: true, kind: true, description: true, method: true, direction: true, source: true, periodicity: true, quarterRule: true, status: true });

export const updateIndicatorSchema = z
  .object({ id: z.uuid({ message: 'Показатель: неверный идентификатор' }), version: versionField, ...indicatorChangesSchema.shape })
  .superRefine(kindAndExpression);
export type UpdateIndicatorInput = z.input<typeof updateIndicatorSchema>;

export const targetSchema = z.object({
  indicatorId: z.uuid({ message: 'Показатель: неверный идентификатор' }),
  organisationId: z.uuid({ message: 'Организация: неверный идентификатор' }).nullish().or(z.literal('').transform(() => null)),
  kind: z.enum(INDICATOR_TARGET_KINDS, { message: 'Вид: базовое или целевое значение' }),
  year: year(),
  /** Forms send ru-RU text («95,5»); the API a number. */
  value: optionalNumber({ label: 'Значение' }).refine((v) => v !== null && v !== undefined, 'Значение: обязательное поле').transform((v) => v!),
  /** Present when changing an existing row. */
  version: versionField.optional(),
});

// ——— Values ———

const looseNumber = (label: string) => optionalNumber({ label });

/** An uploaded file as the forms read it (lib/roadmaps/schemas.ts `evidenceUploadsFromForm`). */
export const evidenceUpload = z.custom<EvidenceUpload>(
  (value) => value !== null && typeof value === 'object' && (value as EvidenceUpload).bytes instanceof Uint8Array && typeof (value as EvidenceUpload).filename === 'string',
  'Файл: не прочитан',
);

export const valueCellSchema = z.object({
  indicatorId: z.uuid({ message: 'Показатель: неверный идентификатор' }),
  organisationId: z.uuid({ message: 'Организация: неверный идентификатор' }),
  year: year(),
  quarter: z.coerce.number().int().min(0).max(4, 'Квартал: от 1 до 4').default(0),
  value: looseNumber('Значение'),
  numerator: looseNumber('Числитель'),
  denominator: looseNumber('Знаменатель'),
  comment: optionalText(2000),
  /** Version of the stored value the editor read; absent for a new value. */
  version: versionField.optional(),
  /** An evidence file to attach (replacing the value's file), checked as road-map report evidence. */
  file: evidenceUpload.optional(),
  /** Remove the value's evidence file. */
  removeFile: z.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('')]).optional().transform((v) => v === true || v === 'on' || v === 'true'),
});
export type ValueCellInput = z.input<typeof valueCellSchema>;

export const saveValuesSchema = z.object({
  values: z.array(valueCellSchema).min(1, 'Нет значений для сохранения').max(5000, 'Не больше 5000 значений за раз'),
});

export const valueFilterSchema = z.object({
  year: year().optional(),
  organisationId: z.uuid({ message: 'Организация: неверный идентификатор' }).optional(),
});

// ——— Approval ———

export const APPROVAL_ACTIONS = ['submit', 'approve', 'return', 'unlock'] as const;
export const approvalActionSchema = z
  .object({
    organisationId: z.uuid({ message: 'Организация: неверный идентификатор' }),
    year: year(),
    quarter: z.coerce.number().int().min(0).max(4).default(0),
    action: z.enum(APPROVAL_ACTIONS, { message: 'Действие: неизвестно' }),
    comment: plainText('Комментарий', 2000).default(''),
    version: versionField.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.action === 'return' && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Комментарий: напишите, что исправить' });
    if (v.action === 'unlock' && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Причина разблокировки: обязательное поле' });
  });
export type ApprovalActionInput = z.input<typeof approvalActionSchema>;

export const indicatorListFilterSchema = z.object({
  status: z.enum(INDICATOR_STATUSES, { message: 'Статус: черновик, действует или архив' }).optional(),
});
