import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { roadmaps } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { translateDbError } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { createWorld } from './fixtures';

/**
 * Every dynamic route of the portal, discovered from the app folder (a new route is covered without editing this
 * test), is called with malformed ids as an administrator: pages must answer Next's «not found», API handlers a
 * 404 `not_found` — never a database error, an outage page or a 500.
 */
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({
  getActor: async () => session.actor,
  requireActor: async () => {
    if (!session.actor) throw new Error('no actor');
    return session.actor;
  },
}));
// Pages and handlers may read request headers or cookies; outside a request there are none.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, getAll: () => [] }) }));

const APP = join(process.cwd(), 'app');

interface DynamicRoute {
  file: string;
  kind: 'page' | 'api';
  params: string[];
}

function discover(dir: string, out: DynamicRoute[] = []): DynamicRoute[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) discover(path, out);
    else if (name === 'page.tsx' || name === 'route.ts') {
      const segments = relative(APP, path).split(sep);
      const params = segments.flatMap((s) => (/^\[[^.[\]]+\]$/.test(s) ? [s.slice(1, -1)] : []));
      // Id segments and named ones like `[kind]` alike (a malformed value of either is a 404); a catch-all is not a record.
      if (params.length > 0) out.push({ file: path, kind: name === 'page.tsx' ? 'page' : 'api', params });
    }
  }
  return out;
}

const routes = discover(APP);
const MALFORMED = ['abc', '1', '00000000-0000-0000-0000-00000000000z', "1' or '1'='1"];
const UNKNOWN = '6f1c1a52-0000-4000-8000-000000000000';

/**
 * Every way to fill the params: all malformed, each one malformed with the others well-formed but unknown, and (for
 * reads: a write checks its body first) all well-formed but unknown.
 */
function paramSets(names: string[], reading: boolean): Record<string, string>[] {
  const sets: Record<string, string>[] = [];
  for (const bad of MALFORMED) {
    sets.push(Object.fromEntries(names.map((n) => [n, bad])));
    if (names.length > 1) for (const target of names) sets.push(Object.fromEntries(names.map((n) => [n, n === target ? bad : UNKNOWN])));
  }
  if (reading) sets.push(Object.fromEntries(names.map((n) => [n, UNKNOWN])));
  return sets;
}

function isNotFound(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404');
}

beforeAll(async () => {
  const world = await createWorld();
  session.actor = world.actor('admin', world.region);
});

describe('malformed ids on every dynamic route', () => {
  it('finds the dynamic routes in the app folder', () => {
    const found = routes.map((r) => relative(APP, r.file).split(sep).join('/'));
    expect(found).toEqual(expect.arrayContaining(['(staff)/roadmaps/[id]/page.tsx', 'api/v1/roadmaps/[id]/route.ts', '(staff)/admin/users/[id]/page.tsx']));
    expect(routes.filter((r) => r.kind === 'page').length).toBeGreaterThanOrEqual(10);
    expect(routes.filter((r) => r.kind === 'api').length).toBeGreaterThanOrEqual(10);
    expect(found).toContain('api/v1/templates/[kind]/route.ts');
    expect(found.some((f) => f.includes('[...'))).toBe(false);
  });

  for (const route of routes) {
    const name = relative(APP, route.file).split(sep).join('/');
    it(`${name} answers «not found»`, async () => {
      const mod = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
      for (const reading of [true, false]) for (const params of paramSets(route.params, reading)) {
        if (route.kind === 'page') {
          if (!reading) continue;
          const page = mod.default as (props: { params: Promise<unknown>; searchParams: Promise<unknown> }) => Promise<unknown>;
          const outcome = await page({ params: Promise.resolve(params), searchParams: Promise.resolve({}) }).then(
            () => 'rendered',
            (error: unknown) => (isNotFound(error) ? 'not found' : error),
          );
          expect(outcome, `${name} ${JSON.stringify(params)}`).toBe('not found');
        } else {
          for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const) {
            const handler = mod[method] as ((request: Request, context: { params: Promise<unknown> }) => Promise<Response>) | undefined;
            if (!handler || (method === 'GET') !== reading) continue;
            const request = new Request(`http://localhost/api/v1/x?version=1`, {
              method,
              // No Origin header: an integration client (a browser page of the portal would send the portal's own origin).
              headers: { 'content-type': 'application/json' },
              body: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify({ version: 1 }),
            });
            const response = await handler(request, { params: Promise.resolve(params) });
            if (!name.startsWith('api/')) {
              // A public file route (open data) answers a plain-text 404, not the API's JSON error.
              expect(response.status, `${method} ${name} ${JSON.stringify(params)}`).toBe(404);
              continue;
            }
            const body = (await response.json()) as { error?: { code?: string } };
            expect([response.status, body.error?.code], `${method} ${name} ${JSON.stringify(params)}`).toEqual([404, 'not_found']);
          }
        }
      }
    });
  }
});

describe('a malformed id that reaches the database', () => {
  it('is translated to not_found, not to an outage or an internal error', async () => {
    const error = await getDb()
      .select()
      .from(roadmaps)
      .where(eq(roadmaps.id, 'abc'))
      .then(() => null, (e: unknown) => e);
    expect(error).not.toBeNull();
    const translated = translateDbError(error);
    expect(translated).toBeInstanceOf(AppError);
    expect((translated as AppError).code).toBe('not_found');
  });
});
