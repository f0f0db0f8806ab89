/**
 * «Практики для ваших рисков»: published practices ranked for one school. A practice qualifies when it addresses
 * at least one of the school's risk factors; it ranks higher the more of them it addresses, when it was proven in
 * a school of the same (or an adjacent) social cluster, when a school that applied it improved, and with a
 * stronger evidence level. Each suggestion carries the one-line reason it was made. Pure.
 */
import type { EvidenceLevel } from '@/db/schema/practices';
import { plural } from '@/lib/format/ru';
import { EVIDENCE_LABELS, EVIDENCE_RANK } from './labels';

export interface SuggestionCandidate {
  id: string;
  title: string;
  riskFactors: readonly string[];
  /** Social clusters of the author school and of adopting schools. */
  clusters: readonly (number | null)[];
  evidenceLevel: EvidenceLevel | null;
  /** A school that applied it left ШНОР or narrowed its gap to the municipal mean since it started. */
  improved: boolean;
  adoptions: number;
}

export interface SchoolProfile {
  riskFactors: readonly string[];
  cluster: number | null;
}

export interface Suggestion {
  id: string;
  title: string;
  score: number;
  matched: string[];
  reason: string;
}

export function suggestPractices(school: SchoolProfile, candidates: readonly SuggestionCandidate[], limit = 5): Suggestion[] {
  const risks = new Set(school.riskFactors);
  const out: Suggestion[] = [];
  for (const c of candidates) {
    const matched = c.riskFactors.filter((f) => risks.has(f));
    if (matched.length === 0) continue;
    const distance = school.cluster === null ? null : Math.min(...c.clusters.map((k) => (k === null ? Infinity : Math.abs(k - school.cluster!))));
    const sameCluster = distance === 0;
    const adjacentCluster = distance === 1;
    const evidence = c.evidenceLevel ? EVIDENCE_RANK[c.evidenceLevel] : 0;
    const score = matched.length * 10 + (sameCluster ? 6 : adjacentCluster ? 3 : 0) + (c.improved ? 5 : 0) + evidence * 0.5 + Math.min(c.adoptions, 3) * 0.5;
    const parts = [matched.length === 1 ? `отвечает на ваш риск «${matched[0]}»` : `отвечает на ${matched.length} ${plural(matched.length, ['ваш риск', 'ваших риска', 'ваших рисков'])}: ${matched.map((m) => `«${m}»`).join(', ')}`];
    if (sameCluster) parts.push('применялась в школе того же социального кластера');
    else if (adjacentCluster) parts.push('применялась в школе соседнего социального кластера');
    if (c.improved) parts.push('после начала результаты школы улучшились');
    if (c.evidenceLevel) parts.push(`уровень доказанности — «${EVIDENCE_LABELS[c.evidenceLevel]}»`);
    const reason = parts.join('; ');
    out.push({ id: c.id, title: c.title, score, matched, reason: reason.charAt(0).toUpperCase() + reason.slice(1) + '.' });
  }
  return out.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'ru')).slice(0, limit);
}
