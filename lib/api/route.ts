import 'server-only';
import { NextResponse } from 'next/server';
import type { Actor } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { translateDbError } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { parseIdParams } from '@/lib/ids';
import { CROSS_SITE_MESSAGE, hasBody, isCrossSiteRequest, mediaType, UNSAFE_METHODS } from './origin';

interface HandlerContext<P> {
  actor: Actor;
  params: P;
}

export interface ApiRouteOptions {
  /**
   * Media types the handler reads its request body as (default: `application/json`). A body of any other type is
   * refused with 415 before the handler runs — in particular the types a foreign page can send without asking
   * (`text/plain`, form encodings), unless the endpoint declares them.
   */
  body?: readonly string[];
}

export const JSON_BODY = ['application/json'] as const;
export const MULTIPART_BODY = ['multipart/form-data'] as const;

/**
 * The one route-handler wrapper for `/api/v1`: refuses unsafe requests sent by another site's page (403) and bodies
 * of undeclared types (415), requires a signed-in actor, runs the handler, and answers every AppError as
 * `{ error: { code, message, issues } }` with its HTTP status. Handlers parse their input with zod
 * (`parseInput`) and call the domain, which checks permissions.
 */
export function apiRoute<P = Record<string, string>>(
  handler: (request: Request, context: HandlerContext<P>) => Promise<Response | unknown>,
  options: ApiRouteOptions = {},
) {
  const accepted = options.body ?? JSON_BODY;
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      checkRequestShape(request, accepted);
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

/** Origin and Content-Type of an unsafe request; safe methods (GET, HEAD) pass. */
export function checkRequestShape(request: Request, accepted: readonly string[] = JSON_BODY): void {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return;
  if (isCrossSiteRequest(request.method, request.headers)) throw new AppError('forbidden', CROSS_SITE_MESSAGE);
  if (!hasBody(request.headers)) return;
  const type = mediaType(request.headers.get('content-type'));
  if (!accepted.includes(type)) {
    throw new AppError(
      'unsupported_media_type',
      `Тело запроса в формате «${type || 'не указан'}» не принимается: ожидается Content-Type ${accepted.join(' или ')}.`,
    );
  }
}

function errorResponse(error: unknown): Response {
  const translated = translateDbError(error);
  if (translated instanceof AppError) {
    return NextResponse.json(translated.toJSON(), { status: translated.status });
  }
  console.error('[api]', error);
  return NextResponse.json(new AppError('internal').toJSON(), { status: 500 });
}
