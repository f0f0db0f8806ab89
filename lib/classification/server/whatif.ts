import 'server-only';
/** What-if: a draft methodology against the active one on the same data, before activation. */
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import type { LazyClassification } from '../classify';
import { reportedSchools } from '../dataset';
import { parseMethodology } from '../methodology';
import { whatIfSchema, type WhatIfInput } from '../schemas';
import { whatIf } from '../whatif';
import { authorizeRun } from './access';
import { loadInput } from './load';
import { findMethodology } from './methodologies';
import { checkMunicipality, methodologyFor } from './runs';
import type { WhatIfPreview } from './types';

export async function previewWhatIf(actor: Actor, input: WhatIfInput): Promise<WhatIfPreview> {
  const data = parseInput(whatIfSchema, input);
  const scope = authorizeRun(actor, data.municipalityId);
  const regionId = scope.regionId!;
  await checkMunicipality(regionId, scope.municipalityId);
  const draft = await findMethodology(getDb(), regionId, data.draftId);
  const active = await methodologyFor(actor, regionId, undefined);
  const draftParams = parseMethodology(draft.params);
  const activeInput = await loadInput({ regionId, municipalityId: scope.municipalityId, year: data.year }, parseMethodology(active.params), [draftParams]);
  const schoolCount = reportedSchools(activeInput).length;
  if (schoolCount === 0) throw new AppError('validation', 'В выбранной области нет школ для классификации.');
  const { active: before, draft: after, diff } = whatIf(activeInput, draftParams);
  const brief = (m: typeof draft, r: LazyClassification) => ({ methodologyId: m.id, methodologyName: m.name, methodologyVersion: m.versionNumber, counts: r.counts });
  return { ...diff, activeRunSummary: brief(active, before), draftSummary: brief(draft, after), schoolCount };
}
