/** zod schemas of the classification forms and API bodies; the data layer parses every input with them. */
import { z } from 'zod';
import { EXAMS } from '@/db/schema/classification';
import { optionalNumber, optionalText, versionField } from '@/lib/validation';
import { matchSubject, SUBJECTS } from './subjects';
import type { SubjectCode } from './types';

const year = z.coerce
  .number({ message: 'Год: ожидается число' })
  .int('Год: ожидается целое число')
  .min(2000, 'Год: не раньше 2000')
  .max(2100, 'Год: не позже 2100');
const id = (label: string) => z.string({ message: `${label}: не указан` }).uuid(`${label}: неверный идентификатор`);
const optionalId = (label: string) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), id(label).optional());

export const createRunSchema = z.object({
  year,
  methodologyId: optionalId('Методика'),
  municipalityId: optionalId('Муниципалитет'),
});
export type CreateRunInput = z.input<typeof createRunSchema>;

export const createDraftSchema = z.object({
  fromId: optionalId('Исходная методика'),
  name: z.string({ message: 'Название: обязательно' }).trim().min(1, 'Название: обязательно').max(200, 'Название: не длиннее 200 символов'),
  note: optionalText(2000),
});
export type CreateDraftInput = z.input<typeof createDraftSchema>;

export const updateDraftSchema = z.object({
  id: id('Методика'),
  version: versionField,
  name: z.string().trim().min(1, 'Название: обязательно').max(200, 'Название: не длиннее 200 символов').optional(),
  note: optionalText(2000),
  params: z.unknown(),
});
export type UpdateDraftInput = z.input<typeof updateDraftSchema>;

export const whatIfSchema = z.object({ draftId: id('Черновик методики'), year, municipalityId: optionalId('Муниципалитет') });
export type WhatIfInput = z.input<typeof whatIfSchema>;

const count = (label: string) => optionalNumber({ label, min: 0, max: 1_000_000, integer: true });
const share = (label: string) => optionalNumber({ label, min: 0, max: 100 });
const flag = z.preprocess((v) => (v === '' || v === undefined ? null : v === 'true' || v === 'on' || v === true ? true : v === 'false' || v === false ? false : v), z.boolean({ message: 'Ожидается «да» или «нет»' }).nullable()).optional();

const subject = z
  .string({ message: 'Предмет: обязателен' })
  .trim()
  .min(1, 'Предмет: обязателен')
  .transform((text, ctx) => {
    const known = SUBJECT_CODES.has(text) ? text : matchSubject(text);
    if (!known) {
      ctx.addIssue({ code: 'custom', message: `Предмет «${text}» не распознан` });
      return z.NEVER;
    }
    return known as SubjectCode;
  });
const SUBJECT_CODES = new Set<string>(SUBJECTS.map((s) => s.code));

export const assessmentResultSchema = z
  .object({
    schoolId: id('Школа'),
    year,
    exam: z.enum(EXAMS, { message: 'Экзамен: ЕГЭ, ОГЭ или ВПР' }),
    subject,
    grade: optionalNumber({ label: 'Класс', min: 0, max: 11, integer: true }),
    participants: optionalNumber({ label: 'Участников', min: 0, max: 100_000, integer: true }),
    meanScore: optionalNumber({ label: 'Средний балл', min: 0, max: 100 }),
    maxScore: optionalNumber({ label: 'Максимальный балл', min: 1, max: 100 }),
    belowMinimum: count('Ниже минимума / «2»'),
    marks2: count('Отметка «2»'),
    marks3: count('Отметка «3»'),
    marks4: count('Отметка «4»'),
    marks5: count('Отметка «5»'),
    highScorers: count('Высокобалльники'),
    source: optionalText(300),
    version: versionField.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.participants === null || r.participants === undefined) ctx.addIssue({ code: 'custom', path: ['participants'], message: 'Участников: обязательно' });
    if (r.exam === 'VPR' && !r.grade) ctx.addIssue({ code: 'custom', path: ['grade'], message: 'Класс: обязателен для ВПР (4–8)' });
    const p = r.participants ?? 0;
    for (const key of ['belowMinimum', 'marks2', 'highScorers'] as const) {
      const v = r[key];
      if (v !== null && v !== undefined && v > p) ctx.addIssue({ code: 'custom', path: [key], message: 'Не может быть больше числа участников' });
    }
  });
export type AssessmentResultInput = z.input<typeof assessmentResultSchema>;

export const schoolContextSchema = z.object({
  schoolId: id('Школа'),
  year,
  pupils: count('Обучающихся'),
  continuationShare9to10: share('Доля перешедших в 10 класс, %'),
  olympiadParticipants: count('Участники олимпиад'),
  shareOvz: share('Доля обучающихся с ОВЗ, %'),
  shareLowIncome: share('Доля из малообеспеченных семей, %'),
  shareParentsHigherEd: share('Доля родителей с высшим образованием, %'),
  shareNonNativeRussian: share('Доля с неродным русским, %'),
  distanceKm: optionalNumber({ label: 'Расстояние до центра, км', min: 0, max: 10_000 }),
  rural: flag,
  teacherVacancyShare: share('Доля вакансий учителей, %'),
  shareTeachersUnder35: share('Доля учителей моложе 35, %'),
  shareTeachers60plus: share('Доля учителей 60+, %'),
  internetMbps: optionalNumber({ label: 'Скорость интернета, Мбит/с', min: 0, max: 100_000 }),
  hasPsychologist: flag,
  hasSpeechTherapist: flag,
  hasSocialPedagogue: flag,
  facilitiesCondition: optionalNumber({ label: 'Состояние МТБ (1–5)', min: 1, max: 5, integer: true }),
  source: optionalText(300),
  version: versionField.optional(),
});
export type SchoolContextInput = z.input<typeof schoolContextSchema>;

export const listResultsFilterSchema = z.object({ schoolId: optionalId('Школа'), year: year.optional() });
