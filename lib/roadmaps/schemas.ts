/**
 * Zod inputs of the road-map domain, shared by server actions (FormData), route handlers (JSON) and the domain
 * functions themselves (which parse again, so every caller is validated the same way). Messages are Russian and
 * name the field. Inputs are typed as what a caller may pass (`z.input`); the domain works on `z.output`.
 */
import { z } from 'zod';
import { ITEM_STATUSES, ROADMAP_LEVELS, ROADMAP_STATUSES } from '@/db/schema/roadmaps';
import { optionalText, versionField } from '@/lib/validation';
import { ROADMAP_COLUMNS } from './table/columns';
import { EXPECTED_DOCUMENTS } from './table/document';

export const ROADMAP_LEVEL_LABELS: Record<(typeof ROADMAP_LEVELS)[number], string> = {
  region: 'Региональная',
  municipality: 'Муниципальная',
  school: 'Школьная',
};

export const ROADMAP_STATUS_LABELS: Record<(typeof ROADMAP_STATUSES)[number], string> = {
  draft: 'черновик',
  on_review: 'на согласовании',
  needs_revision: 'на доработке',
  approved: 'утверждена',
  archived: 'архив',
};

const id = (label: string) => z.uuid({ message: `${label}: неверный идентификатор` });

const year = (label: string) =>
  z.coerce
    .number({ message: `${label}: укажите год` })
    .int(`${label}: целое число`)
    .min(2000, `${label}: не раньше 2000`)
    .max(2100, `${label}: не позже 2100`);

const requiredText = (label: string, max: number) =>
  z
    .string({ message: `${label}: обязательное поле` })
    .trim()
    .min(1, `${label}: обязательное поле`)
    .max(max, `${label}: не длиннее ${max} символов`);

/** Free text that may be empty ('' stays ''); absent means «leave as it is» on update. */
const plainText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}: не длиннее ${max} символов`);

const isoDate = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: дата в формате ГГГГ-ММ-ДД`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), `${label}: такой даты нет`);

const optionalDate = (label: string) =>
  z
    .union([isoDate(label), z.literal('')])
    .nullish()
    .transform((value) => (value === undefined ? undefined : value ? value : null));

/** Checkbox or JSON boolean: «on», «true», true. */
const flag = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === 'true' || value === 'on' || value === '1');

const periodYears = {
  periodStartYear: year('Начало периода'),
  periodEndYear: year('Окончание периода'),
};

function checkYears(value: { periodStartYear?: number; periodEndYear?: number }, ctx: z.RefinementCtx) {
  if (value.periodStartYear !== undefined && value.periodEndYear !== undefined && value.periodStartYear > value.periodEndYear) {
    ctx.addIssue({ code: 'custom', path: ['periodEndYear'], message: 'Окончание периода: не раньше начала' });
  }
}

export const createRoadmapSchema = z
  .object({
    level: z.enum(ROADMAP_LEVELS, { message: 'Уровень: выберите регион, муниципалитет или школу' }),
    ownerOrganisationId: id('Организация-владелец'),
    title: requiredText('Название', 500),
    ...periodYears,
    approvalDocument: optionalText(300),
  })
  .superRefine(checkYears);

const roadmapChanges = {
  version: versionField,
  title: requiredText('Название', 500).optional(),
  periodStartYear: year('Начало периода').optional(),
  periodEndYear: year('Окончание периода').optional(),
  approvalDocument: optionalText(300),
  /** Review statuses change only through submit / approve / return. */
  status: z.enum(['draft', 'approved', 'archived'], { message: 'Статус: черновик, утверждена или архив' }).optional(),
};

/** PATCH body of the API (the id is in the path). */
export const updateRoadmapBodySchema = z.object(roadmapChanges).superRefine(checkYears);

export const updateRoadmapSchema = z.object({ id: id('Дорожная карта'), ...roadmapChanges }).superRefine(checkYears);

export const deleteSchema = z.object({ id: id('Запись'), version: versionField });

export const listRoadmapsFilterSchema = z.object({
  level: z.enum(ROADMAP_LEVELS, { message: 'Уровень: region, municipality или school' }).optional(),
  organisationId: id('Организация').optional(),
  status: z.enum(ROADMAP_STATUSES, { message: 'Статус дорожной карты не распознан' }).optional(),
  year: year('Год').optional(),
});

export const createSectionSchema = z.object({
  roadmapId: id('Дорожная карта'),
  number: optionalText(20),
  title: requiredText('Название раздела', 500),
});

export const updateSectionSchema = z.object({
  id: id('Раздел'),
  version: versionField,
  number: optionalText(20),
  title: requiredText('Название раздела', 500),
});

const itemStatus = z.enum(ITEM_STATUSES, { message: 'Статус мероприятия: запланировано, в работе, выполнено или отменено' });
const expectedDocument = z
  .union([z.enum(EXPECTED_DOCUMENTS, { message: 'Ожидаемый документ: выберите из списка' }), z.literal('')])
  .nullish()
  .transform((value) => (value === undefined ? undefined : value ? value : null));

/** The hand-set period: both dates or none, start ≤ end. */
function checkOverride(value: { periodStart?: string | null; periodEnd?: string | null }, ctx: z.RefinementCtx) {
  const start = value.periodStart ?? null;
  const end = value.periodEnd ?? null;
  if ((start === null) !== (end === null)) {
    const path = start === null ? 'periodStart' : 'periodEnd';
    ctx.addIssue({ code: 'custom', path: [path], message: 'Период вручную: укажите и начало, и окончание' });
  } else if (start !== null && end !== null && start > end) {
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'Окончание периода: не раньше начала' });
  }
}

const itemFields = {
  number: optionalText(20),
  activity: requiredText('Мероприятие', 4000),
  deadlineText: plainText('Сроки', 500).optional(),
  responsibleText: plainText('Ответственные', 2000).optional(),
  plannedResult: plainText('Планируемый результат', 4000).optional(),
  expectedDocument,
  status: itemStatus.optional(),
  /** Hand-set period overriding the normalised one. */
  periodStart: optionalDate('Начало периода'),
  periodEnd: optionalDate('Окончание периода'),
};

export const createItemSchema = z
  .object({ roadmapId: id('Дорожная карта'), sectionId: id('Раздел'), ...itemFields })
  .superRefine(checkOverride);

export const updateItemSchema = z
  .object({
    id: id('Мероприятие'),
    version: versionField,
    sectionId: id('Раздел').optional(),
    ...itemFields,
    activity: requiredText('Мероприятие', 4000).optional(),
    /** Drop the hand-set period and normalise the deadline text again. */
    clearOverride: flag,
  })
  .superRefine(checkOverride);

export const setItemsStatusSchema = z.object({
  roadmapId: id('Дорожная карта'),
  items: z.array(z.object({ id: id('Мероприятие'), version: versionField })).min(1, 'Выберите хотя бы одно мероприятие'),
  status: itemStatus,
});

/** «school.ru/otchet» is read as «https://school.ru/otchet»; a written scheme is kept (and checked: http or https only). */
export function withScheme(link: string): string {
  return /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(link) ? link : `https://${link.replace(/^\/+/, '')}`;
}

const links = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : value.split('\n')))
  .transform((value) => value.map((link) => link.trim()).filter(Boolean).map(withScheme))
  .pipe(
    z
      .array(z.url({ protocol: /^https?$/, hostname: /\./, message: 'Ссылка: нужен адрес сайта, например school.ru/otchet или https://school.ru/otchet' }).max(2000, 'Ссылка: не длиннее 2000 символов'))
      .max(20, 'Ссылки: не больше 20'),
  );

export interface EvidenceUpload {
  bytes: Uint8Array;
  filename: string;
  mimeType: string;
}

export const progressReportSchema = z.object({
  itemId: id('Мероприятие'),
  reportedOn: isoDate('Дата отчёта'),
  text: requiredText('Текст отчёта', 4000),
  links,
  files: z
    .array(z.custom<EvidenceUpload>((value) => value !== null && typeof value === 'object' && (value as EvidenceUpload).bytes instanceof Uint8Array, 'Файл: не прочитан'))
    .max(10, 'Файлы: не больше 10')
    .optional()
    .transform((value) => value ?? []),
});

/** Files of a form (`<input type="file" name="files" multiple>`) → uploads; empty file inputs are dropped. */
export async function evidenceUploadsFromForm(value: unknown): Promise<EvidenceUpload[]> {
  const files = (Array.isArray(value) ? value : [value]).filter((file): file is File => file instanceof File && file.size > 0);
  return Promise.all(
    files.map(async (file) => ({ bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name, mimeType: file.type })),
  );
}

export const submitRoadmapSchema = z.object({
  roadmapId: id('Дорожная карта'),
  version: versionField,
  text: plainText('Комментарий', 4000).optional(),
});

export const approveRoadmapSchema = submitRoadmapSchema;

export const returnRoadmapSchema = z.object({
  roadmapId: id('Дорожная карта'),
  version: versionField,
  text: requiredText('Замечания', 4000),
});

export const reviewCommentSchema = z.object({
  roadmapId: id('Дорожная карта'),
  itemId: z
    .union([id('Мероприятие'), z.literal('')])
    .optional()
    .transform((value) => (value ? value : undefined)),
  text: requiredText('Комментарий', 4000),
});

const columnIndex = z.number().int().min(0).max(200).nullable();

/** Hand-made column mapping: column → 0-based index, null to drop a column. Accepts a JSON string (forms). */
export const importMappingSchema = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    if (value.trim() === '') return undefined;
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  },
  z.partialRecord(z.enum(ROADMAP_COLUMNS), columnIndex, { message: 'Сопоставление столбцов: ожидается объект «столбец → номер»' }).optional(),
);

export const importRequestSchema = z.object({
  text: z.string().max(2_000_000, 'Текст таблицы: не длиннее 2 000 000 символов').optional(),
  mapping: importMappingSchema,
  dryRun: flag,
});


export type CreateRoadmapInput = z.input<typeof createRoadmapSchema>;
export type UpdateRoadmapInput = z.input<typeof updateRoadmapSchema>;
export type ListRoadmapsFilter = z.input<typeof listRoadmapsFilterSchema>;
export type CreateSectionInput = z.input<typeof createSectionSchema>;
export type UpdateSectionInput = z.input<typeof updateSectionSchema>;
export type CreateItemInput = z.input<typeof createItemSchema>;
export type UpdateItemInput = z.input<typeof updateItemSchema>;
export type SetItemsStatusInput = z.input<typeof setItemsStatusSchema>;
export type ProgressReportInput = z.input<typeof progressReportSchema>;
export type ReviewCommentInput = z.input<typeof reviewCommentSchema>;
export type ImportMapping = z.output<typeof importMappingSchema>;
