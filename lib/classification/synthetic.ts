/**
 * A seeded, deterministic synthetic national dataset for tests and the benchmark: municipalities of schools,
 * each school with a hidden disadvantage level that drives both its context and its results, so the engine
 * finds every category. With 2,000 municipalities × 20 schools × 3 years it yields about 2 million result rows.
 */
import type { AssessmentResult, School, SchoolContext, SubjectCode } from './types';
import { ogeMaxPrimaryScore } from './subjects';

export interface SyntheticOptions {
  municipalities: number;
  schoolsPerMunicipality: number;
  /** Years generated, e.g. [2024, 2025, 2026]. */
  years: readonly number[];
  seed?: number;
}

export interface SyntheticDataset {
  schools: School[];
  results: AssessmentResult[];
  contexts: SchoolContext[];
}

/** mulberry32: a small fast PRNG; the same seed always gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EGE_SUBJECTS: SubjectCode[] = ['russian', 'mathematics_profile', 'social_studies', 'physics', 'history', 'biology', 'informatics', 'chemistry'];
const OGE_SUBJECTS: SubjectCode[] = ['russian', 'mathematics', 'social_studies', 'informatics'];
const VPR_SUBJECTS: SubjectCode[] = ['russian', 'mathematics'];
const VPR_GRADES = [4, 5, 6, 7, 8];

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round1 = (v: number) => Math.round(v * 10) / 10;

export function generateDataset(options: SyntheticOptions): SyntheticDataset {
  const random = seededRandom(options.seed ?? 20260101);
  const noise = (spread: number) => (random() - 0.5) * 2 * spread;
  const schools: School[] = [];
  const results: AssessmentResult[] = [];
  const contexts: SchoolContext[] = [];
  for (let m = 0; m < options.municipalities; m++) {
    const municipalityId = `m${String(m + 1).padStart(4, '0')}`;
    for (let k = 0; k < options.schoolsPerMunicipality; k++) {
      const id = `${municipalityId}-s${String(k + 1).padStart(3, '0')}`;
      schools.push({ id, name: `Школа № ${k + 1} (муниципалитет ${m + 1})`, municipalityId });
      const level = random(); // 0 = most advantaged, 1 = most disadvantaged
      const rural = level > 0.45;
      const pupils = Math.round(rural ? 40 + random() * 260 : 300 + random() * 900);
      const hasSenior = !rural || random() > 0.4;
      const cohort = Math.max(2, Math.round(pupils / 11));
      const distance = rural ? round1(10 + level * 70 + noise(10)) : round1(random() * 8);
      for (const year of options.years) {
        contexts.push({
          schoolId: id,
          year,
          pupils,
          continuationShare9to10: hasSenior ? round1(clamp(85 - level * 40 + noise(10), 20, 100)) : null,
          olympiadParticipants: Math.round(random() * pupils * 0.03 * (1 - level)),
          shareOvz: round1(clamp(3 + level * 10 + noise(3), 0, 100)),
          shareLowIncome: round1(clamp(10 + level * 50 + noise(10), 0, 100)),
          shareParentsHigherEd: round1(clamp(60 - level * 45 + noise(10), 0, 100)),
          shareNonNativeRussian: round1(clamp(level * 15 + noise(5), 0, 100)),
          distanceKm: Math.max(0, distance),
          rural,
          teacherVacancyShare: round1(clamp(level * 14 + noise(4), 0, 100)),
          shareTeachersUnder35: round1(clamp(30 - level * 15 + noise(5), 0, 100)),
          shareTeachers60plus: round1(clamp(10 + level * 25 + noise(5), 0, 100)),
          internetMbps: round1(Math.max(0.2, 100 * (1 - level) + noise(5))),
          hasPsychologist: random() > level * 0.7,
          hasSpeechTherapist: random() > level * 0.8,
          hasSocialPedagogue: random() > level * 0.5,
          facilitiesCondition: clamp(Math.round(5 - level * 3 + noise(1)), 1, 5),
        });
        const skill = 1 - level * 0.45 + noise(0.15);
        if (hasSenior) {
          for (const subject of EGE_SUBJECTS) {
            const participants = Math.max(1, Math.round(cohort * (subject === 'russian' ? 0.8 : 0.15 + random() * 0.3)));
            const mean = round1(clamp(70 * skill + noise(8), 15, 98));
            results.push({ schoolId: id, year, exam: 'EGE', subject, participants, meanScore: mean, belowMinimum: Math.round(participants * clamp((40 - mean) / 60, 0, 1)) });
          }
        }
        for (const subject of OGE_SUBJECTS) {
          const max = ogeMaxPrimaryScore(subject, year) ?? 30;
          const participants = Math.max(1, Math.round(cohort * (subject === 'russian' || subject === 'mathematics' ? 1 : 0.4)));
          const share = clamp(0.68 * skill + noise(0.08), 0.1, 0.98);
          results.push({ schoolId: id, year, exam: 'OGE', subject, participants, meanScore: round1(share * max), belowMinimum: Math.round(participants * clamp(0.5 - share, 0, 1) * 0.6) });
        }
        for (const subject of VPR_SUBJECTS) {
          for (const grade of VPR_GRADES) {
            const participants = cohort;
            const m2 = Math.round(participants * clamp(0.05 + level * 0.3 + noise(0.08), 0, 0.9));
            const m5 = Math.round((participants - m2) * clamp(0.25 - level * 0.2, 0, 1));
            const m4 = Math.round((participants - m2 - m5) * 0.45);
            const marks = { m2, m3: participants - m2 - m4 - m5, m4, m5 };
            results.push({ schoolId: id, year, exam: 'VPR', subject, grade, participants, meanScore: null, belowMinimum: m2, marks });
          }
        }
      }
    }
  }
  return { schools, results, contexts };
}
