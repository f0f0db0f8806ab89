// No 'server-only' here: the demo seed runs the campaign writes under tsx, outside Next (see lib/demo/seed.ts).
/**
 * Who may do what with a data collection campaign (lib/auth/policy.ts):
 * - a campaign of the region (asking its municipalities) is declared, closed and reminded by whoever defines the
 *   region's indicators — `indicator.define` in the region (the ministry's analyst, an administrator);
 * - a campaign of a municipality (asking its schools) by the same, or by the municipality itself — the level that
 *   approves its schools' values (`indicator.approve` in the municipality, bound to it);
 * - it is read, with its completeness, by everyone with `indicator.read` in the asking organisation's scope
 *   (experts and methodologists of that scope read too);
 * - an asked organisation sees its own standing on its start page.
 */
import { eq } from 'drizzle-orm';
import { indicatorCampaigns, type IndicatorCampaign } from '@/db/schema';
import type { Actor, ResourceScope } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import type { Executor } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { isId } from '@/lib/ids';

type ScopeOf = Pick<IndicatorCampaign, 'regionId' | 'municipalityId' | 'askingOrganisationId'>;

export function campaignScope(c: ScopeOf): ResourceScope {
  return { regionId: c.regionId, municipalityId: c.municipalityId, schoolId: null, ownerOrganisationId: c.askingOrganisationId };
}

export function canReadCampaign(actor: Actor | null, c: ScopeOf): boolean {
  return can(actor, 'indicator.read', campaignScope(c));
}

export function canManageCampaign(actor: Actor | null, c: ScopeOf): boolean {
  if (!actor) return false;
  const scope = campaignScope(c);
  if (can(actor, 'indicator.define', scope)) return true;
  return c.municipalityId !== null && actor.scope.level === 'municipality' && can(actor, 'indicator.approve', scope);
}

/** Throws 401 without a user, 403 without the right. */
export function authorizeManage(actor: Actor | null, c: ScopeOf): asserts actor is Actor {
  if (!actor) throw new AppError('unauthorized');
  if (!canManageCampaign(actor, c)) {
    throw new AppError('forbidden', 'Кампании сбора объявляет регион (муниципалитетам) или муниципалитет (своим школам).');
  }
}

/** A campaign the actor may read; a malformed, unknown or unreadable id is 404. */
export async function campaignFor(executor: Executor, actor: Actor, id: string, forUpdate = false): Promise<IndicatorCampaign> {
  if (!isId(id)) throw new AppError('not_found', 'Кампания сбора не найдена.');
  const query = executor.select().from(indicatorCampaigns).where(eq(indicatorCampaigns.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row || !canReadCampaign(actor, row)) throw new AppError('not_found', 'Кампания сбора не найдена.');
  return row;
}
