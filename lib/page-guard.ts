import 'server-only';
import { notFound } from 'next/navigation';
import type { Actor, ResourceScope } from '@/lib/auth/actor';
import { type Action, can } from '@/lib/auth/policy';
import { translateDbError } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { isId, isIdParam } from '@/lib/ids';

/**
 * Pages answer «not found» both for records that do not exist and for records the user may not see, so that a
 * page never confirms that someone else's record exists. The data layer still makes the real check.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (caught) {
    const error = translateDbError(caught);
    if (error instanceof AppError && (error.code === 'forbidden' || error.code === 'not_found')) notFound();
    throw error;
  }
}

/** A page's route params with every id segment checked: a malformed id answers the «not found» page. */
export async function pageParams<P extends object>(params: Promise<P>): Promise<P> {
  const value = await params;
  for (const [name, segment] of Object.entries(value)) if (isIdParam(name) && !isId(segment)) notFound();
  return value;
}

/** A page that only some roles may open. */
export function requireRight(actor: Actor, action: Action, resource?: ResourceScope): void {
  if (!can(actor, action, resource)) notFound();
}
