import 'server-only';
/** What-if: a draft methodology against the active one on the same data, before activation. */
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { classify, type ClassificationResult } from '../classify';
import { reportedSchools, type ClassificationInput } from '../dataset';
import { parseMethodology } from '../methodology';
import { whatIfSchema, type WhatIfInput } from '../schemas';
import { compareRuns, type WhatIfDiff } from '../whatif';
import { authorizeRun } from './access';
import { loadInput } from './load';
import { findMethodology } from './methodologies';
import { checkMunicipality, methodologyFor } from './runs';
import { FULL_EXPLANATION_LIMIT } from './store';
import type { WhatIfPreview } from './types';

function changedSchools(diff: WhatIfDiff): Set<string> {
  const all = [...diff.entering.lowResults, ...diff.entering.unfavourable, ...diff.leaving.lowResults, ...diff.leaving.unfavourable, ...diff.categoryChanges];
  return new Set(all.map((c) => c.schoolId));
}

/** Big scopes are compared compact first; only the schools that changed are then worded. */
function compare(active: ClassificationInput, draft: ClassificationInput): { before: ClassificationResult; after: ClassificationResult; diff: WhatIfDiff } {
  if (reportedSchools(active).length <= FULL_EXPLANATION_LIMIT) {
    const before = classify(active);
    const after = classify(draft);
    return { before, after, diff: compareRuns(before, after) };
  }
  const changed = changedSchools(compareRuns(classify(active, { explain: false }), classify(draft, { explain: false })));
  const explain = (id: string) => changed.has(id);
  const before = classify(active, { explain });
  const after = classify(draft, { explain });
  return { before, after, diff: compareRuns(before, after) };
}

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
  const { before, after, diff } = compare(activeInput, { ...activeInput, methodology: draftParams });
  const brief = (m: typeof draft, r: ClassificationResult) => ({ methodologyId: m.id, methodologyName: m.name, methodologyVersion: m.versionNumber, counts: r.counts });
  return { ...diff, activeRunSummary: brief(active, before), draftSummary: brief(draft, after), schoolCount };
}
