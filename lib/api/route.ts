import 'server-only';
import { NextResponse } from 'next/server';
import type { Actor } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { translateDbError } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { parseIdParams } from '@/lib/ids';

interface HandlerContext<P> {
  actor: Actor;
  params: P;
}

/**
 * The one route-handler wrapper for `/api/v1`: requires a signed-in actor, runs the handler, and answers every
 * AppError as `{ error: { code, message, issues } }` with its HTTP status. Handlers parse their input with zod
 * (`parseInput`) and call the domain, which checks permissions.
 */
export function apiRoute<P = Record<string, string>>(
  handler: (request: Request, context: HandlerContext<P>) => Promise<Response | unknown>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError('unauthorized');
      // A malformed id in the path is a record that does not exist: 404 before any query runs.
      const result = await handler(request, { actor, params: parseIdParams(await context.params) });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

function errorResponse(error: unknown): Response {
  const translated = translateDbError(error);
  if (translated instanceof AppError) {
    return NextResponse.json(translated.toJSON(), { status: translated.status });
  }
  console.error('[api]', error);
  return NextResponse.json(new AppError('internal').toJSON(), { status: 500 });
}
