import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import type { ActionState } from '@/lib/action-state';
import { translateDbError } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { formDataToObject, parseInput } from '@/lib/validation';


/**
 * The one server-action wrapper: signed-in actor → zod parse of the form → domain call. The domain function
 * checks permissions itself; this wrapper only turns its AppErrors into a form state the page can show.
 * `redirect()` and `notFound()` thrown by the handler pass through.
 */
export function formAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.infer<S>, actor: Actor) => Promise<string | void>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError('unauthorized');
      const input = parseInput(schema, formDataToObject(formData));
      const message = await handler(input, actor);
      return { status: 'success', message: message ?? 'Сохранено.' };
    } catch (error) {
      unstable_rethrow(error);
      return toErrorState(error, typedValues(formData));
    }
  };
}

/** The text fields as typed; passwords are never sent back to the browser. */
function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION') && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

function toErrorState(raw: unknown, values: Record<string, string>): ActionState {
  const error = translateDbError(raw);
  if (error instanceof AppError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) if (issue.field && !fieldErrors[issue.field]) fieldErrors[issue.field] = issue.message;
    return { status: 'error', code: error.code, message: error.message, fieldErrors, values };
  }
  console.error('[action]', raw);
  const internal = new AppError('internal');
  return { status: 'error', code: internal.code, message: internal.message, fieldErrors: {}, values };
}
