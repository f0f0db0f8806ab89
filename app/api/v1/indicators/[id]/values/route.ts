import { apiRoute } from '@/lib/api/route';
import { listValues, saveValues } from '@/lib/indicators/queries';
import { readJsonBody } from '@/lib/api/body';
import { queryObject } from '@/lib/roadmaps/api-request';
import { AppError } from '@/lib/errors';

type Params = { id: string };

/** Values of the indicator the caller may read; filters: year, organisationId. */
export const GET = apiRoute<Params>(async (request, { actor, params }) => listValues(actor, params.id, queryObject(request)));

/**
 * Saves values of this indicator, all or nothing: `{ values: [{ organisationId, year, value | numerator+denominator,
 * comment, version }] }`. A bad cell answers 400 with one issue per cell; a locked period 409.
 */
export const POST = apiRoute<Params>(async (request, { actor, params }) => {
  const body = (await readJsonBody(request)) as { values?: unknown };
  if (!Array.isArray(body?.values)) throw new AppError('validation', 'Ожидается поле values — список значений', [{ field: 'values', message: 'Ожидается список значений' }]);
  const values = body.values.map((v) => ({ ...(v as object), indicatorId: params.id }));
  return saveValues(actor, { values });
});
