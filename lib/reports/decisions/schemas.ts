/** Zod inputs of the management decisions register: Russian messages naming the field. */
import { z } from 'zod';
import { isId } from '@/lib/ids';
import { versionField } from '@/lib/validation';
import { isoDateField } from '../schemas';

/** A form sends one value as a string and several as an array; the API sends an array. */
const idList = (label: string) =>
  z.preprocess(
    (value) => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value.filter((v) => v !== '') : [value]),
    z.array(z.string().refine(isId, `${label}: неизвестная запись`)).max(500, `${label}: не больше 500`),
  );

const text = (label: string, max: number, required = false) => {
  const base = z.string({ message: `${label}: ожидается текст` }).trim().max(max, `${label}: не длиннее ${max} символов`);
  return required ? base.min(1, `${label}: заполните поле`) : base.default('');
};

const optionalDate = (label: string) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), isoDateField(label).optional()).transform((value) => value ?? null);

const optionalId = (label: string) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), z.string().refine(isId, `${label}: неизвестная запись`).optional()).transform((value) => value ?? null);

const decisionFields = {
  organisationId: z.string({ message: 'Кто принял решение: выберите регион или муниципалитет' }).refine(isId, 'Кто принял решение: выберите регион или муниципалитет'),
  decidedOn: isoDateField('Дата решения'),
  title: text('Решение', 2000, true),
  document: text('Документ', 500),
  responsible: text('Ответственный', 500),
  dueDate: optionalDate('Срок исполнения'),
  finding: text('Результат мониторинга', 2000),
  findingSchoolId: optionalId('Школа'),
  concernedIds: idList('Организации'),
  itemIds: idList('Мероприятия дорожных карт'),
};

const dueAfterDecision = (value: { decidedOn: string; dueDate: string | null }) => value.dueDate === null || value.dueDate >= value.decidedOn;
const dueIssue = { message: 'Срок исполнения: не раньше даты решения', path: ['dueDate'] };

export const createDecisionSchema = z.object(decisionFields).refine(dueAfterDecision, dueIssue);
export const updateDecisionSchema = z.object({ id: z.string(), version: versionField, ...decisionFields }).refine(dueAfterDecision, dueIssue);
export const deleteDecisionSchema = z.object({ id: z.string(), version: versionField });

export type CreateDecisionInput = z.input<typeof createDecisionSchema>;
export type UpdateDecisionInput = z.input<typeof updateDecisionSchema>;

/** The register's fields in Russian, for the history panel. */
export const DECISION_FIELD_LABELS: Record<string, string> = {
  organisation: 'Кто принял решение',
  decidedOn: 'Дата решения',
  title: 'Решение',
  document: 'Документ',
  responsible: 'Ответственный',
  dueDate: 'Срок исполнения',
  finding: 'Результат мониторинга',
  findingSchool: 'Школа',
  concerned: 'Организации',
  items: 'Мероприятия дорожных карт',
  deleted: 'Удалено',
};
