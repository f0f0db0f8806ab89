import { z } from 'zod';
import { AppError, type Issue } from '@/lib/errors';

// Zod's own messages in Russian wherever a schema does not word them itself.
z.config(z.locales.ru());

export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.') || undefined, message: issue.message }));
}

/** Parses or throws a `validation` AppError whose issues name each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('validation', 'Проверьте введённые данные.', zodIssues(result.error));
}

/** FormData → plain object; repeated keys become arrays, empty strings stay strings (schemas decide). */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const current = out[key];
    if (current === undefined) out[key] = value;
    else out[key] = Array.isArray(current) ? [...current, value] : [current, value];
  }
  return out;
}

/** Text from a form: trimmed; '' → null (cleared), absent → undefined (left as it is on update). */
export function optionalText(max = 500) {
  return z
    .string()
    .trim()
    .max(max, `Не длиннее ${max} символов`)
    .nullish()
    .transform((value) => (value === undefined ? undefined : value ? value : null));
}

/** A number typed by a person: «12,5», «1 234», '' → null. */
export function optionalNumber(options: { min?: number; max?: number; integer?: boolean; label: string }) {
  return z
    .union([z.number(), z.string()])
    .nullish()
    .transform((value, ctx): number | null | undefined => {
      if (value === undefined) return undefined;
      if (value === null) return null;
      const text = typeof value === 'number' ? String(value) : value.replace(/[\s\u00a0]/g, '').replace(',', '.');
      if (text === '') return null;
      const parsed = Number(text);
      const problem = !Number.isFinite(parsed)
        ? `${options.label}: ожидается число`
        : options.integer && !Number.isInteger(parsed)
          ? `${options.label}: ожидается целое число`
          : options.min !== undefined && parsed < options.min
            ? `${options.label}: не меньше ${options.min}`
            : options.max !== undefined && parsed > options.max
              ? `${options.label}: не больше ${options.max}`
              : null;
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      return parsed;
    });
}

/** The version a form read, for optimistic concurrency. */
export const versionField = z.coerce.number({ message: 'Не указана версия записи' }).int().positive();
