/**
 * Expert scores: each criterion 0…max (3 by default) with a comment; a review is complete when every active
 * criterion is scored. The summary of a version is the mean per criterion over submitted reviews and the mean
 * total. Who sees which scores is decided here too: the author reads comments, never other experts' scores
 * before the decision. Pure.
 */
export interface Criterion {
  id: string;
  title: string;
  maxScore: number;
}

export interface ScoreInput {
  criterionId: string;
  score: number;
  comment: string;
}

/** Russian problems of an expert's scores against the criteria (empty: the review may be submitted). */
export function scoreProblems(criteria: readonly Criterion[], scores: readonly ScoreInput[]): string[] {
  const problems: string[] = [];
  const byId = new Map(scores.map((s) => [s.criterionId, s]));
  for (const s of scores) if (!criteria.some((c) => c.id === s.criterionId)) problems.push('Оценка по неизвестному критерию.');
  for (const c of criteria) {
    const s = byId.get(c.id);
    if (!s) problems.push(`Критерий «${c.title}»: поставьте оценку от 0 до ${c.maxScore}.`);
    else if (!Number.isInteger(s.score) || s.score < 0 || s.score > c.maxScore) problems.push(`Критерий «${c.title}»: оценка от 0 до ${c.maxScore}, указано ${s.score}.`);
  }
  return problems;
}

export interface ReviewScores {
  expertId: string;
  submitted: boolean;
  scores: readonly ScoreInput[];
}

export interface ScoreSummary {
  /** Mean score per criterion over submitted reviews (null: nobody scored it). */
  perCriterion: { criterionId: string; title: string; mean: number | null; maxScore: number }[];
  /** Mean of the experts' totals, and the greatest possible total. */
  meanTotal: number | null;
  maxTotal: number;
  reviewsSubmitted: number;
}

export function summariseScores(criteria: readonly Criterion[], reviews: readonly ReviewScores[]): ScoreSummary {
  const submitted = reviews.filter((r) => r.submitted);
  const perCriterion = criteria.map((c) => {
    const values = submitted.map((r) => r.scores.find((s) => s.criterionId === c.id)?.score).filter((v): v is number => v !== undefined);
    return { criterionId: c.id, title: c.title, maxScore: c.maxScore, mean: values.length ? round1(values.reduce((a, b) => a + b, 0) / values.length) : null };
  });
  const totals = submitted.map((r) => r.scores.reduce((sum, s) => sum + s.score, 0));
  return {
    perCriterion,
    meanTotal: totals.length ? round1(totals.reduce((a, b) => a + b, 0) / totals.length) : null,
    maxTotal: criteria.reduce((sum, c) => sum + c.maxScore, 0),
    reviewsSubmitted: submitted.length,
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export type ReviewViewer = 'coordinator' | 'author' | 'expert' | 'reader';

/**
 * Whether `viewer` sees the scores of a review: coordinators always; an expert its own, and others' after the
 * decision on that version; the author after the decision; other readers never (they see the evidence level).
 * Comments are shown to coordinators, experts and the author.
 */
export function seesScores(viewer: ReviewViewer, own: boolean, decided: boolean): boolean {
  if (viewer === 'coordinator') return true;
  if (viewer === 'expert') return own || decided;
  if (viewer === 'author') return decided;
  return false;
}

export function seesComments(viewer: ReviewViewer): boolean {
  return viewer !== 'reader';
}
