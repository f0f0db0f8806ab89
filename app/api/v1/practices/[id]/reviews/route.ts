import { readJsonBody } from '@/lib/api/body';
import { apiRoute } from '@/lib/api/route';
import { getPractice, scorePractice } from '@/lib/practices/queries';
import { scoreSchema } from '@/lib/practices/schemas';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';

/** The reviews of a practice as the caller may see them (the author: comments, not scores before the decision). */
export const GET = apiRoute<{ id: string }>(async (_request, { actor, params }) => {
  const detail = await getPractice(actor, params.id);
  return { criteria: detail.criteria, reviews: detail.reviews, summary: detail.scoreSummary };
});

/** The assigned expert's scores on every criterion, conclusion and proposed evidence level. */
export const POST = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  const input = parseInput(scoreSchema, await readJsonBody(request));
  const detail = await getPractice(actor, params.id);
  if (!detail.reviews.some((r) => r.id === input.reviewId)) throw new AppError('not_found', 'Экспертиза не найдена.');
  await scorePractice(actor, input);
  return Response.json({ ok: true }, { status: 201 });
});
