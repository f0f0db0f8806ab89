/**
 * Public result figures of a region: each school's mean per year, exam and subject, and the municipal and cluster
 * means it is compared with — all through one suppression call per year, exam and subject, in which a municipal
 * (or cluster) mean is the participant-weighted total of its schools' means. So a school's hidden mean cannot be
 * recovered from the municipal mean and the other schools' published means and participants. Pure.
 */
import { percentScore } from '@/lib/classification/dataset';
import type { ExamCode, SubjectCode } from '@/lib/classification/types';
import { applySuppression, DEFAULT_MIN_GROUP, suppress, type PublicValue, type SuppressionGroup } from './suppression';

export interface ResultRow {
  schoolId: string;
  municipalityId: string | null;
  cluster: number | null;
  year: number;
  exam: ExamCode;
  subject: SubjectCode;
  participants: number;
  meanScore: number | null;
  maxScore: number | null;
}

export interface ResultFigures {
  /** schoolId → mean on a 0–100 scale. */
  school: Map<string, PublicValue<number>>;
  participants: Map<string, PublicValue<number>>;
  municipality: Map<string, PublicValue<number>>;
  cluster: Map<number, PublicValue<number>>;
}

/** One year, exam and subject of a region (rows of other keys are ignored by the caller's grouping). */
export function resultFigures(rows: readonly ResultRow[], min = DEFAULT_MIN_GROUP): ResultFigures {
  // Sorted by school, so that the same rows in any order give the same decision (ties are broken by position).
  const ordered = [...rows].sort((a, b) => (a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0));
  const scored = ordered.flatMap((r) => {
    const score = percentScore({ ...r, belowMinimum: null });
    return score === null || r.participants <= 0 ? [] : [{ row: r, score }];
  });
  // Figures: each school's weighted score, then each municipality's and each cluster's total.
  const municipalities = [...new Set(scored.map((s) => s.row.municipalityId).filter((m): m is string => m !== null))];
  const clusters = [...new Set(scored.map((s) => s.row.cluster).filter((c): c is number => c !== null))];
  const figures = scored.map((s) => ({ n: s.row.participants }));
  const groups: SuppressionGroup[] = [];
  const means: number[] = scored.map((s) => s.score);
  const addTotal = (members: number[]) => {
    const n = members.reduce((sum, i) => sum + scored[i]!.row.participants, 0);
    const weighted = members.reduce((sum, i) => sum + scored[i]!.score * scored[i]!.row.participants, 0);
    figures.push({ n });
    means.push(n > 0 ? weighted / n : NaN);
    groups.push({ total: figures.length - 1, parts: members });
    return figures.length - 1;
  };
  const index = (predicate: (r: ResultRow) => boolean) => scored.flatMap((s, i) => (predicate(s.row) ? [i] : []));
  const municipalityIndex = new Map(municipalities.map((m) => [m, addTotal(index((r) => r.municipalityId === m))]));
  const clusterIndex = new Map(clusters.map((c) => [c, addTotal(index((r) => r.cluster === c))]));
  const shown = applySuppression(means, suppress({ figures, groups, min }));
  const participantsShown = applySuppression(scored.map((s) => s.row.participants), suppress({ figures: scored.map((s) => ({ n: s.row.participants })), min }));
  return {
    // A participant count is published with its mean only: hidden with it, whatever the reason.
    school: new Map(scored.map((s, i) => [s.row.schoolId, shown[i]!])),
    participants: new Map(scored.map((s, i) => [s.row.schoolId, shown[i]!.shown ? participantsShown[i]! : shown[i]! as PublicValue<number>])),
    municipality: new Map([...municipalityIndex].map(([m, i]) => [m, shown[i]!])),
    cluster: new Map([...clusterIndex].map(([c, i]) => [c, shown[i]!])),
  };
}
