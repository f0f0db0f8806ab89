import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/openapi.json/route';

const API_ROOT = join(process.cwd(), 'app/api/v1');

/** Every route handler under /api/v1 as an OpenAPI path: `[id]` → `{id}`, with the methods it exports. */
async function routeHandlers(): Promise<Map<string, string[]>> {
  const files = readdirSync(API_ROOT, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('route.ts'));
  const routes = new Map<string, string[]>();
  for (const file of files) {
    const path = `/api/v1/${relative(API_ROOT, join(API_ROOT, file)).replace(/\/?route\.ts$/, '')}`.replace(/\[(\w+)\]/g, '{$1}');
    if (path === '/api/v1/openapi.json') continue;
    const handler = (await import(join(API_ROOT, file))) as Record<string, unknown>;
    routes.set(path, ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].filter((m) => typeof handler[m] === 'function').map((m) => m.toLowerCase()));
  }
  return routes;
}

describe('OpenAPI document', () => {
  it('describes every /api/v1 operation with JSON schemas generated from zod', async () => {
    const doc = await GET().json();
    expect(doc.openapi).toBe('3.1.0');
    const importOp = doc.paths['/api/v1/schools/import'].post;
    expect(importOp.summary).toMatch(/Импорт справочника школ/);
    expect(importOp.responses['200'].content['application/json'].schema.properties.counts.required).toEqual(
      expect.arrayContaining(['create', 'update', 'unchanged']),
    );
    expect(importOp.responses.default.content['application/json'].schema.properties.error).toBeDefined();
  });

  it('documents every method of every route handler, and nothing that is not one', async () => {
    const doc = await GET().json();
    const documented = Object.fromEntries(Object.entries(doc.paths as Record<string, object>).map(([path, ops]) => [path, Object.keys(ops).sort()]));
    const handlers = Object.fromEntries([...(await routeHandlers())].map(([path, methods]) => [path, methods.sort()]));
    expect(Object.keys(handlers)).toContain('/api/v1/classification/runs/{id}/export');
    expect(documented).toEqual(handlers);
  });
});
