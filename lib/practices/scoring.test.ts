import { describe, expect, it } from 'vitest';
import { scoreProblems, seesComments, seesScores, summariseScores } from './scoring';

const criteria = [
  { id: 'a', title: 'Актуальность', maxScore: 3 },
  { id: 'b', title: 'Результативность', maxScore: 3 },
];

describe('expert scoring', () => {
  it('requires every criterion scored 0–3 with whole numbers', () => {
    expect(scoreProblems(criteria, [{ criterionId: 'a', score: 3, comment: '' }, { criterionId: 'b', score: 0, comment: '' }])).toEqual([]);
    expect(scoreProblems(criteria, [{ criterionId: 'a', score: 3, comment: '' }])).toEqual(['Критерий «Результативность»: поставьте оценку от 0 до 3.']);
    expect(scoreProblems(criteria, [{ criterionId: 'a', score: 4, comment: '' }, { criterionId: 'b', score: 1, comment: '' }])[0]).toContain('указано 4');
    expect(scoreProblems(criteria, [{ criterionId: 'a', score: 1.5, comment: '' }, { criterionId: 'b', score: -1, comment: '' }])).toHaveLength(2);
    expect(scoreProblems(criteria, [{ criterionId: 'a', score: 1, comment: '' }, { criterionId: 'b', score: 1, comment: '' }, { criterionId: 'z', score: 1, comment: '' }])).toEqual(['Оценка по неизвестному критерию.']);
  });

  it('averages submitted reviews only', () => {
    const summary = summariseScores(criteria, [
      { expertId: '1', submitted: true, scores: [{ criterionId: 'a', score: 3, comment: '' }, { criterionId: 'b', score: 2, comment: '' }] },
      { expertId: '2', submitted: true, scores: [{ criterionId: 'a', score: 2, comment: '' }, { criterionId: 'b', score: 2, comment: '' }] },
      { expertId: '3', submitted: false, scores: [{ criterionId: 'a', score: 0, comment: '' }] },
    ]);
    expect(summary.perCriterion.map((c) => c.mean)).toEqual([2.5, 2]);
    expect(summary.meanTotal).toBe(4.5);
    expect(summary.maxTotal).toBe(6);
    expect(summary.reviewsSubmitted).toBe(2);
    expect(summariseScores(criteria, []).meanTotal).toBeNull();
  });

  it('hides other experts’ scores from the author and experts before the decision', () => {
    expect(seesScores('author', false, false)).toBe(false);
    expect(seesScores('author', false, true)).toBe(true);
    expect(seesScores('expert', false, false)).toBe(false);
    expect(seesScores('expert', true, false)).toBe(true);
    expect(seesScores('coordinator', false, false)).toBe(true);
    expect(seesScores('reader', false, true)).toBe(false);
    expect(seesComments('author')).toBe(true);
    expect(seesComments('reader')).toBe(false);
  });
});
