import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/openapi.json/route';

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
});
