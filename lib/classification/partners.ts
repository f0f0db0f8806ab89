/**
 * Partner matching (seed 001 item 16, seed 004 «базовые школы»): for each ШНОР up to `count` schools with high
 * results — in the region's top `topFraction` on an exam the ШНОР takes (its judged subjects) — in the same or
 * an adjacent social cluster, and not ШНОР themselves.
 *
 * Order: same municipality first; then same cluster before adjacent; then the most similar remoteness
 * (|difference of distance to the municipal centre|); then more matching exams, higher results, id.
 * Candidates from other municipalities are looked up in per-cluster lists sorted by distance, expanding from
 * the ШНОР's own distance, so each look-up touches only a few schools.
 */
import type { ExamCode, School } from './types';
import { compareStrings, fmt } from './format';
import { EXAM_NAMES } from './subjects';

export interface PartnerProfile {
  school: School;
  cluster: number | null;
  distanceKm: number | null;
  isLowResults: boolean;
  /** Mean of judged subjects by exam (0–100). */
  judgedByExam: Partial<Record<ExamCode, number>>;
}

export interface PartnerSuggestion {
  schoolId: string;
  name: string;
  municipalityId: string;
  cluster: number | null;
  sameMunicipality: boolean;
  exams: ExamCode[];
  reason: string;
}

interface Candidate {
  profile: PartnerProfile;
  strongIn: Set<ExamCode>;
  strength: number;
}

interface CandidateGroup {
  byMunicipality: Map<string, Candidate[]>;
  byDistance: Candidate[];
  byStrength: Candidate[];
  noDistance: Candidate[];
}

interface Ranked {
  candidate: Candidate;
  key: [number, number, number, number, number];
  exams: ExamCode[];
}

const EXAMS: readonly ExamCode[] = ['EGE', 'OGE', 'VPR'];

function topCuts(profiles: readonly PartnerProfile[], topFraction: number): Map<ExamCode, number> {
  const cuts = new Map<ExamCode, number>();
  for (const exam of EXAMS) {
    const scores = profiles.map((p) => p.judgedByExam[exam]).filter((s): s is number => s !== undefined).sort((a, b) => b - a);
    if (scores.length > 0) cuts.set(exam, scores[Math.max(1, Math.ceil(topFraction * scores.length)) - 1]!);
  }
  return cuts;
}

/** Prepares the strong schools once; `suggest` then answers each ШНОР. */
export function partnerMatcher(profiles: readonly PartnerProfile[], topFraction: number, count: number) {
  const cuts = topCuts(profiles, topFraction);
  const byCluster = new Map<number, CandidateGroup>();
  for (const profile of profiles) {
    if (profile.isLowResults) continue;
    const strongIn = new Set(EXAMS.filter((e) => profile.judgedByExam[e] !== undefined && profile.judgedByExam[e]! >= cuts.get(e)!));
    if (strongIn.size === 0) continue;
    const scores = [...strongIn].map((e) => profile.judgedByExam[e]!);
    const candidate: Candidate = { profile, strongIn, strength: scores.reduce((a, b) => a + b, 0) / scores.length };
    const key = profile.cluster ?? 0;
    let group = byCluster.get(key);
    if (!group) byCluster.set(key, (group = { byMunicipality: new Map(), byDistance: [], byStrength: [], noDistance: [] }));
    const muni = group.byMunicipality.get(profile.school.municipalityId);
    if (muni) muni.push(candidate);
    else group.byMunicipality.set(profile.school.municipalityId, [candidate]);
    (profile.distanceKm === null ? group.noDistance : group.byDistance).push(candidate);
    group.byStrength.push(candidate);
  }
  for (const group of byCluster.values()) {
    group.byDistance.sort((a, b) => a.profile.distanceKm! - b.profile.distanceKm! || compareStrings(a.profile.school.id, b.profile.school.id));
    for (const list of [group.byStrength, group.noDistance]) {
      list.sort((a, b) => b.strength - a.strength || compareStrings(a.profile.school.id, b.profile.school.id));
    }
  }

  function rank(target: PartnerProfile, targetExams: readonly ExamCode[], candidate: Candidate): Ranked | null {
    if (candidate.profile.school.id === target.school.id) return null;
    const exams = targetExams.filter((e) => candidate.strongIn.has(e));
    if (exams.length === 0) return null;
    const other = candidate.profile.school.municipalityId === target.school.municipalityId ? 0 : 1;
    const clusterDistance = target.cluster === null || candidate.profile.cluster === null ? 0 : Math.abs(target.cluster - candidate.profile.cluster);
    const diff = target.distanceKm === null || candidate.profile.distanceKm === null ? Infinity : Math.abs(target.distanceKm - candidate.profile.distanceKm);
    return { candidate, exams, key: [other, clusterDistance, diff, -exams.length, -candidate.strength] };
  }

  function compareRanked(a: Ranked, b: Ranked): number {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! < b.key[i]! ? -1 : 1;
    return compareStrings(a.candidate.profile.school.id, b.candidate.profile.school.id);
  }

  function rankElsewhere(target: PartnerProfile, exams: readonly ExamCode[], candidate: Candidate): Ranked | null {
    return candidate.profile.school.municipalityId === target.school.municipalityId ? null : rank(target, exams, candidate);
  }

  /** Candidates of another municipality nearest by distance: expands both ways from the target's distance. */
  function nearestElsewhere(target: PartnerProfile & { distanceKm: number }, exams: readonly ExamCode[], list: Candidate[]): Ranked[] {
    const found: Ranked[] = [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.profile.distanceKm! < target.distanceKm) lo = mid + 1;
      else hi = mid;
    }
    let left = lo - 1;
    let right = lo;
    let lastDiff = -1;
    while (left >= 0 || right < list.length) {
      const dl = left >= 0 ? target.distanceKm - list[left]!.profile.distanceKm! : Infinity;
      const dr = right < list.length ? list[right]!.profile.distanceKm! - target.distanceKm : Infinity;
      const diff = Math.min(dl, dr);
      if (found.length >= count && diff > lastDiff) break;
      const r = rankElsewhere(target, exams, dl <= dr ? list[left--]! : list[right++]!);
      if (r) found.push(r);
      lastDiff = diff;
    }
    return found;
  }

  /** Candidates of another municipality without a distance to compare: strongest first, until `count` match every exam. */
  function strongestElsewhere(target: PartnerProfile, exams: readonly ExamCode[], list: Candidate[]): Ranked[] {
    const found: Ranked[] = [];
    let complete = 0;
    for (const c of list) {
      if (complete >= count) break;
      const r = rankElsewhere(target, exams, c);
      if (!r) continue;
      found.push(r);
      if (r.exams.length === exams.length) complete += 1;
    }
    return found;
  }

  return function suggest(target: PartnerProfile, explain = true): PartnerSuggestion[] {
    const own = EXAMS.filter((e) => target.judgedByExam[e] !== undefined);
    const exams = own.length > 0 ? own : EXAMS;
    const clusters = target.cluster === null ? [...byCluster.keys()] : [target.cluster - 1, target.cluster, target.cluster + 1];
    const ranked: Ranked[] = [];
    for (const cluster of clusters) {
      const group = byCluster.get(cluster);
      if (!group) continue;
      for (const c of group.byMunicipality.get(target.school.municipalityId) ?? []) {
        const r = rank(target, exams, c);
        if (r) ranked.push(r);
      }
    }
    if (ranked.length < count) {
      for (const cluster of clusters) {
        const group = byCluster.get(cluster);
        if (!group) continue;
        const { distanceKm } = target;
        if (distanceKm === null) ranked.push(...strongestElsewhere(target, exams, group.byStrength));
        else {
          ranked.push(...nearestElsewhere({ ...target, distanceKm }, exams, group.byDistance));
          ranked.push(...strongestElsewhere(target, exams, group.noDistance));
        }
      }
    }
    return ranked.sort(compareRanked).slice(0, count).map((r) => describe(target, r, explain));
  };
}

function describe(target: PartnerProfile, { candidate, exams, key }: Ranked, explain: boolean): PartnerSuggestion {
  const p = candidate.profile;
  const suggestion = { schoolId: p.school.id, name: p.school.name, municipalityId: p.school.municipalityId, cluster: p.cluster, sameMunicipality: key[0] === 0, exams };
  if (!explain) return { ...suggestion, reason: '' };
  const parts = [
    key[0] === 0 ? 'тот же муниципалитет' : `другой муниципалитет (${p.school.municipalityName ?? p.school.municipalityId})`,
    p.cluster === null || target.cluster === null
      ? 'социальная группа не определена'
      : p.cluster === target.cluster ? `та же социальная группа (кластер ${p.cluster})` : `соседняя социальная группа (кластер ${p.cluster})`,
    `высокие результаты: ${exams.map((e) => `${EXAM_NAMES[e]} — ${fmt(p.judgedByExam[e]!)}`).join(', ')} (лучшая четверть региона)`,
  ];
  if (p.distanceKm !== null && target.distanceKm !== null) parts.push(`удалённость от центра ${fmt(p.distanceKm)} км (у школы — ${fmt(target.distanceKm)} км)`);
  const reason = parts.join('; ');
  return { ...suggestion, reason: reason.charAt(0).toUpperCase() + reason.slice(1) + '.' };
}
