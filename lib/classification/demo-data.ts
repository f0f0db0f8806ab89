/**
 * Demo assessment and context data for the demo region, as plain engine rows keyed by the demo schools' keys.
 * The hand-made district (fixtures/demo-district.ts, where every category occurs) is mapped onto the first ten
 * schools of Берёзовский район; the other demo schools get deterministic synthetic data of the same three years.
 */
import { DEMO_SCHOOLS } from '@/lib/demo/data';
import { BEREZOVSKY_KEY } from '@/lib/demo/organisations';
import { demoContexts, demoResults, demoSchools, DEMO_YEAR, DEMO_YEARS } from './fixtures/demo-district';
import { generateDataset } from './synthetic';
import type { AssessmentResult, SchoolContext } from './types';

export { DEMO_YEAR };

export interface DemoClassificationData {
  /** Demo school key → engine rows with `schoolId` set to that key. */
  results: AssessmentResult[];
  contexts: SchoolContext[];
  /** Keys of the schools carrying the hand-made district. */
  districtKeys: string[];
}

export function demoClassificationData(): DemoClassificationData {
  const district = DEMO_SCHOOLS.filter((s) => s.municipalityKey === BEREZOVSKY_KEY).slice(0, demoSchools.length).map((s) => s.key);
  const others = DEMO_SCHOOLS.map((s) => s.key).filter((key) => !district.includes(key));
  const byFixture = new Map(demoSchools.map((s, i) => [s.id, district[i]!]));
  const synthetic = generateDataset({ municipalities: 1, schoolsPerMunicipality: others.length, years: DEMO_YEARS, seed: 2026 });
  const bySynthetic = new Map(synthetic.schools.map((s, i) => [s.id, others[i]!]));
  const rename = <T extends { schoolId: string }>(rows: readonly T[], ids: Map<string, string>) => rows.map((r) => ({ ...r, schoolId: ids.get(r.schoolId)! }));
  return {
    results: [...rename(demoResults, byFixture), ...rename(synthetic.results, bySynthetic)],
    contexts: [...rename(demoContexts, byFixture), ...rename(synthetic.contexts, bySynthetic)],
    districtKeys: district,
  };
}
