import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { RISK_FACTORS } from '@/lib/classification/risk';
import { SUBJECTS } from '@/lib/classification/subjects';
import { can } from '@/lib/auth/policy';
import { listIndicators } from '@/lib/indicators/queries';
import { listOrganisations } from '@/lib/organisations/queries';
import { COST_BAND_LABELS } from '@/lib/practices/labels';
import type { PracticeFormOptions } from './PracticeForm';

/** Options of the practice form; a school team writes for its own school, others choose one in their scope. */
export async function practiceFormOptions(actor: Actor): Promise<PracticeFormOptions> {
  const schools = actor.scope.schoolId ? [] : (await listOrganisations(actor, { kind: 'school' })).map((s) => ({ value: s.id, label: s.shortName ?? s.name }));
  return {
    riskFactors: [...RISK_FACTORS],
    subjects: SUBJECTS.map((s) => ({ value: s.code, label: s.name })),
    costBands: Object.entries(COST_BAND_LABELS).map(([value, label]) => ({ value, label })),
    schools,
    indicators: can(actor, 'indicator.read') ? (await listIndicators(actor, { status: 'active' })).map((i) => ({ value: i.id, label: `${i.code}. ${i.name}` })) : [],
  };
}
