import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '@/lib/api/openapi';
import { ROADMAP_OPERATIONS } from './api-spec';

describe('road map OpenAPI operations', () => {
  it('documents every route handler with JSON schemas generated from zod', () => {
    const doc = buildOpenApi(ROADMAP_OPERATIONS);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/roadmaps',
      '/api/v1/roadmaps/evidence/{id}',
      '/api/v1/roadmaps/{id}',
      '/api/v1/roadmaps/{id}/export',
      '/api/v1/roadmaps/{id}/import',
    ]);
    const create = doc.paths['/api/v1/roadmaps']!.post as { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } };
    expect(Object.keys(create.requestBody.content['application/json']!.schema.properties)).toEqual(
      expect.arrayContaining(['level', 'ownerOrganisationId', 'title', 'periodStartYear', 'periodEndYear', 'approvalDocument']),
    );
    expect(JSON.stringify(doc.paths['/api/v1/roadmaps/{id}']!.get)).toContain('overdue');
  });
});
