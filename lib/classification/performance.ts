/**
 * A school's results in one year on the 0–100 scale: the judged subjects against the municipal mean and the
 * social cluster's mean (the context-adjusted gap), and per-exam scores for partner matching and the rating.
 * Only results with at least `minParticipants` participants count anywhere.
 */
import { isJudged, Means, percentScore, resultsOf, type Dataset } from './dataset';
import type { ExamCode, SubjectCode } from './types';

export interface SubjectPerformance {
  exam: ExamCode;
  subject: SubjectCode;
  participants: number;
  score: number;
  municipalMean: number;
  clusterMean: number | null;
}

export interface PerformanceProfile {
  /** Judged subjects with enough participants. */
  subjects: SubjectPerformance[];
  /** Simple mean of the judged subjects' scores. */
  meanScore: number | null;
  /** Mean of (school − municipal mean) over judged subjects; ≥ 0 means at or above the municipality. */
  municipalGap: number | null;
  /** Mean of (school − cluster mean) over judged subjects: the context-adjusted gap. */
  clusterGap: number | null;
  /** Mean of the judged subjects of each exam: what partner matching compares. */
  judgedByExam: Partial<Record<ExamCode, number>>;
  /** ЕГЭ and ОГЭ: mean 0–100 score over all subjects; ВПР: mean share of marks 4 and 5. For the rating. */
  ratingByExam: Partial<Record<ExamCode, number>>;
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/** Scope names of clusters 0 … 10 (the methodology allows at most 10), built once. */
const CLUSTER_SCOPES = Array.from({ length: 11 }, (_, i) => `cluster:${i}`);

function clusterScope(cluster: number): string {
  return CLUSTER_SCOPES[cluster] ?? `cluster:${cluster}`;
}

/** Participant-weighted means of each cluster over the whole region, accumulated in school-id order. */
export function clusterMeans(dataset: Dataset, year: number, clusterOf: (schoolId: string) => number | null): Means {
  const means = new Means();
  for (const school of dataset.schools) {
    const cluster = clusterOf(school.id);
    if (cluster === null) continue;
    for (const row of resultsOf(dataset, school.id, year)) {
      const score = percentScore(row);
      if (score === null || row.participants < dataset.methodology.minParticipants) continue;
      means.add(clusterScope(cluster), year, row.exam, row.subject, score, row.participants);
    }
  }
  return means;
}

export function performanceOf(
  dataset: Dataset,
  schoolId: string,
  municipalityId: string,
  year: number,
  cluster: number | null,
  clusterAccumulators: Means,
): PerformanceProfile {
  const { minParticipants } = dataset.methodology;
  const subjects: SubjectPerformance[] = [];
  const ratingScores: Record<ExamCode, number[]> = { EGE: [], OGE: [], VPR: [] };
  for (const row of resultsOf(dataset, schoolId, year)) {
    if (row.participants < minParticipants) continue;
    if (row.exam === 'VPR') {
      const m = row.marks;
      if (m) ratingScores.VPR.push(((m.m4 + m.m5) * 100) / row.participants);
      continue;
    }
    const score = percentScore(row);
    if (score === null) continue;
    ratingScores[row.exam].push(score);
    if (!isJudged(dataset.methodology, row)) continue;
    const municipal = dataset.municipalMeans.get(municipalityId, year, row.exam, row.subject);
    const clusterAcc = cluster === null ? undefined : clusterAccumulators.get(clusterScope(cluster), year, row.exam, row.subject);
    subjects.push({
      exam: row.exam,
      subject: row.subject,
      participants: row.participants,
      score,
      municipalMean: municipal ? municipal.weightedSum / municipal.participants : score,
      clusterMean: clusterAcc ? clusterAcc.weightedSum / clusterAcc.participants : null,
    });
  }
  const judgedByExam: Partial<Record<ExamCode, number>> = {};
  const ratingByExam: Partial<Record<ExamCode, number>> = {};
  for (const exam of ['EGE', 'OGE', 'VPR'] as const) {
    const judgedMean = mean(subjects.filter((s) => s.exam === exam).map((s) => s.score));
    if (judgedMean !== null) judgedByExam[exam] = judgedMean;
    const ratingMean = mean(ratingScores[exam]);
    if (ratingMean !== null) ratingByExam[exam] = ratingMean;
  }
  const withCluster = subjects.filter((s) => s.clusterMean !== null);
  return {
    subjects,
    meanScore: mean(subjects.map((s) => s.score)),
    municipalGap: mean(subjects.map((s) => s.score - s.municipalMean)),
    clusterGap: mean(withCluster.map((s) => s.score - (s.clusterMean ?? 0))),
    judgedByExam,
    ratingByExam,
  };
}
