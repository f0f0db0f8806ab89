import { z } from 'zod';

/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the same zod schemas the route handlers parse with.
 * Each domain describes its operations in `lib/<domain>/api-spec.ts`; `app/api/v1/openapi.json` joins them.
 */
export interface OperationSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  /** Path and query parameters (all strings on the wire). */
  params?: { name: string; in: 'path' | 'query'; description: string; required?: boolean }[];
  body?: { contentType: string; schema?: z.ZodType; description?: string };
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(
      z.object({ message: z.string(), field: z.string().optional(), row: z.number().optional(), column: z.string().optional() }),
    ),
  }),
});

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

export function buildOpenApi(operations: OperationSpec[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const responses = Object.fromEntries(
      Object.entries(op.responses).map(([status, r]) => [
        status,
        { description: r.description, ...(r.schema ? { content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } } } : {}) },
      ]),
    );
    responses.default = { description: 'Ошибка с типизированным кодом', content: { 'application/json': { schema: jsonSchema(errorSchema, 'output') } } };
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      tags: [op.tag],
      ...(op.params ? { parameters: op.params.map((p) => ({ ...p, required: p.in === 'path' ? true : (p.required ?? false), schema: { type: 'string' } })) } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              description: op.body.description,
              content: { [op.body.contentType]: { schema: op.body.schema ? jsonSchema(op.body.schema, 'input') : { type: 'string', format: 'binary' } } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Опора API', version: '1', description: 'API портала «Опора». Все ответы об ошибках: { error: { code, message, issues } }.' },
    servers: [{ url: '/' }],
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' } } },
    security: [{ session: [] }],
    paths,
  };
}
