import { z } from 'zod';
import { ORGANISATION_KINDS, SCHOOL_KINDS, SETTLEMENTS } from '@/db/schema/organisations';
import { optionalNumber, optionalText, versionField } from '@/lib/validation';

export const KIND_LABELS: Record<(typeof ORGANISATION_KINDS)[number], string> = {
  region: 'Регион',
  municipality: 'Муниципалитет',
  school: 'Школа',
  ministry: 'Министерство / департамент',
  education_department: 'Орган управления образованием',
  methodical_center: 'Методический центр (УМЦ, РМС, ИМО)',
  institute: 'Институт развития образования',
  other: 'Другая организация',
};

export const SETTLEMENT_LABELS = { urban: 'Городская', rural: 'Сельская' } as const;

const details = {
  name: z.string().trim().min(3, 'Полное наименование: не короче 3 символов').max(500, 'Полное наименование: не длиннее 500 символов'),
  shortName: optionalText(200),
  ogrn: optionalText(15).refine((v) => v == null || /^\d{13}$/.test(v), 'ОГРН: 13 цифр'),
  inn: optionalText(12).refine((v) => v == null || /^(\d{10}|\d{12})$/.test(v), 'ИНН: 10 или 12 цифр'),
  address: optionalText(500),
  settlement: z
    .union([z.enum(SETTLEMENTS), z.literal('')])
    .nullish()
    .transform((v) => (v ? v : null)),
  distanceKm: optionalNumber({ min: 0, max: 5000, label: 'Расстояние до центра, км' }),
  pupils: optionalNumber({ min: 0, max: 100_000, integer: true, label: 'Численность обучающихся' }),
  schoolKind: z
    .union([z.enum(SCHOOL_KINDS), z.literal('')])
    .nullish()
    .transform((v) => (v === undefined ? undefined : v ? v : null)),
  aliases: optionalText(1000).transform((v) =>
    v === undefined
      ? undefined
      : (v ?? '')
          .split(/[,;\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
  ),
};

export const createOrganisationSchema = z
  .object({
    kind: z.enum(ORGANISATION_KINDS, { message: 'Выберите тип организации' }),
    parentId: z
      .union([z.uuid({ message: 'Выберите вышестоящую организацию' }), z.literal('')])
      .nullish()
      .transform((v) => (v ? v : null)),
    ...details,
  })
  .superRefine(
    (value, ctx) => {
    if (value.kind !== 'region' && !value.parentId) {
      ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'Выберите вышестоящую организацию' });
    }
    if (value.kind === 'school' && !value.ogrn) {
      ctx.addIssue({ code: 'custom', path: ['ogrn'], message: 'ОГРН обязателен для школы' });
    }
    },
    // Run even when other fields failed, so that the form shows every problem at once.
    { when: () => true },
  );
export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;

export const updateOrganisationSchema = z.object({ id: z.uuid(), version: versionField, ...details });
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationSchema>;

export const setActiveSchema = z.object({
  id: z.uuid(),
  version: versionField,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
});
