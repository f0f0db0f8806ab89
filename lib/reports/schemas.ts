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
