/** Zod inputs of the reports domain: Russian messages naming the field. */
import { z } from 'zod';

export const reportYearField = z.coerce
  .number({ message: 'Год: ожидается число' })
  .int('Год: ожидается целое число')
  .min(2000, 'Год: не раньше 2000')
  .max(2100, 'Год: не позже 2100');

/** ISO date «2026-12-31» (road-map deadlines are judged at it). */
export const isoDateField = (label: string) =>
  z
    .string({ message: `${label}: укажите дату` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: дата в виде ГГГГ-ММ-ДД`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), `${label}: такой даты нет`);

export const monitoringInputSchema = z.object({
  organisationId: z.string({ message: 'Организация: выберите регион или муниципалитет' }).trim().min(1, 'Организация: выберите регион или муниципалитет'),
  year: reportYearField,
  onDate: isoDateField('Дата оценки сроков').optional(),
});
export type MonitoringInput = z.input<typeof monitoringInputSchema>;

const REPORT_FORMAT_VALUES = ['xlsx', 'docx', 'pdf', 'csv'] as const;

/** A report to generate: the kind, its subject (organisation and year, or a road map), the format. */
export const requestReportSchema = z.object({
  kind: z.string({ message: 'Вид отчёта: выберите вид' }).trim().min(1, 'Вид отчёта: выберите вид'),
  organisationId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().optional()),
  roadmapId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().optional()),
  year: z.preprocess((v) => (v === '' || v === null ? undefined : v), reportYearField.optional()),
  format: z.enum(REPORT_FORMAT_VALUES, { message: 'Формат: выберите XLSX, DOCX, PDF или CSV' }),
  onDate: z.preprocess((v) => (v === '' || v === null ? undefined : v), isoDateField('Дата оценки сроков').optional()),
});
export type RequestReportInput = z.input<typeof requestReportSchema>;
