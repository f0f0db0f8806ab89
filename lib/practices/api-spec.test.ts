import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '@/lib/api/openapi';
import { PRACTICE_OPERATIONS } from './api-spec';

describe('practice OpenAPI operations', () => {
  it('documents every route handler with JSON schemas generated from the forms’ zod schemas', () => {
    const doc = buildOpenApi(PRACTICE_OPERATIONS);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/practices',
      '/api/v1/practices/attachments/{id}',
      '/api/v1/practices/export',
      '/api/v1/practices/{id}',
      '/api/v1/practices/{id}/adoptions',
      '/api/v1/practices/{id}/reviews',
      '/api/v1/practices/{id}/workflow',
    ]);
    const create = doc.paths['/api/v1/practices']!.post as { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } };
    expect(Object.keys(create.requestBody.content['application/json']!.schema.properties)).toEqual(expect.arrayContaining(['title', 'summary', 'riskFactors', 'body', 'costBand', 'authors']));
    expect(JSON.stringify(doc.paths['/api/v1/practices/{id}/workflow']!.post)).toContain('publish');
  });
});
