import { z } from 'zod';
import { apiRoute } from '@/lib/api/route';
import { exportFormatSchema, fileResponse } from '@/lib/export';
import { AppError } from '@/lib/errors';
import { isId } from '@/lib/ids';
import { year } from '@/lib/indicators/schemas';
import { exportScorecard, exportYearsScorecard } from '@/lib/indicators/scorecard-views';
import { parseInput } from '@/lib/validation';

const query = z.object({
  format: exportFormatSchema.default('xlsx'),
  year: year(),
  municipalityId: z.string().optional(),
  organisationId: z.string().optional(),
});

/**
 * The scorecard as XLSX (default) or CSV: `?year=` — the municipalities for that year; with `municipalityId` — its
 * schools; with `organisationId` — that organisation's indicators over the five years up to `year`.
 */
export const GET = apiRoute(async (request, { actor }) => {
  const q = parseInput(query, Object.fromEntries(new URL(request.url).searchParams));
  // A malformed id names no organisation: 404, as an unknown one.
  for (const id of [q.municipalityId, q.organisationId]) if (id !== undefined && !isId(id)) throw new AppError('not_found', 'Организация не найдена.');
  const file = q.organisationId
    ? await exportYearsScorecard(actor, q.organisationId, q.year, q.format)
    : await exportScorecard(actor, { year: q.year, municipalityId: q.municipalityId }, q.format);
  return fileResponse(file);
});
