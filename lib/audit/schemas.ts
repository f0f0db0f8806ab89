import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** Audit filter from the query string; dates are whole days (the `to` day is included). */
export const auditFilterSchema = z.object({
  entityType: z.preprocess(emptyToUndefined, z.string().max(50).optional()),
  entityId: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
  action: z.preprocess(emptyToUndefined, z.string().max(30).optional()),
  from: z.preprocess(emptyToUndefined, z.coerce.date({ message: 'Дата «с» указана неверно' }).optional()),
  to: z.preprocess(
    emptyToUndefined,
    z.coerce
      .date({ message: 'Дата «по» указана неверно' })
      .transform((d) => new Date(d.getTime() + 24 * 60 * 60 * 1000 - 1))
      .optional(),
  ),
});
