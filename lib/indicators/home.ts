import 'server-only';
/**
 * The indicators blocks of other pages: the signed-in user's organisation's scorecard summary (counts by status,
 * each opening the filtered scorecard) with the «Мероприятия выполняются, а показатель не меняется» warnings and
 * their reverse; and the same warnings for the indicators linked to one road map's items.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { indicatorRoadmapItems, roadmapItems, roadmaps, type Organisation } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { getDb } from '@/lib/db/client';
import { countStatuses, scorecardLink, type ScorecardCounts } from '@/lib/home/start-page';
import { isId } from '@/lib/ids';
import { organisationFor } from './access';
import { valueYears } from './queries';
import { loadScorecard, type Scorecard } from './scorecard';
import { STATUS_LABELS } from './status';
import type { WarningKind } from './warning';

export interface IndicatorWarningLine {
  indicatorId: string;
  organisationId: string;
  code: string;
  name: string;
  organisation: string;
  kind: WarningKind;
  message: string;
  href: string;
}

export interface IndicatorSummary {
  year: number;
  /** «Берёзовский район» or «муниципалитеты региона». */
  place: string;
  counts: ScorecardCounts;
  links: Record<'achieved' | 'close' | 'behind' | 'no_data' | 'all', string>;
  warnings: IndicatorWarningLine[];
}

const orgName = (o: Pick<Organisation, 'name' | 'shortName'>) => o.shortName ?? o.name;

function warningLines(card: Scorecard, only?: ReadonlySet<string>): IndicatorWarningLine[] {
  const inds = new Map(card.indicators.map((i) => [i.id, i]));
  const orgs = new Map(card.organisations.map((o) => [o.id, o]));
  return card.cells
    .filter((c) => c.warning?.kind && (!only || only.has(c.indicatorId)))
    .map((c) => {
      const ind = inds.get(c.indicatorId)!;
      return {
        indicatorId: c.indicatorId,
        organisationId: c.organisationId,
        code: ind.code,
        name: ind.name,
        organisation: orgName(orgs.get(c.organisationId)!),
        kind: c.warning!.kind!,
        message: c.warning!.message ?? '',
        href: `/indicators/${ind.id}?org=${c.organisationId}`,
      };
    });
}

/** Where the user's figures are: its school or municipality; a region-level user sees the region's municipalities. */
async function placeOf(actor: Actor): Promise<Organisation | null> {
  if (!isId(actor.scope.organisationId)) return null;
  const org = await organisationFor(getDb(), actor.scope.organisationId).catch(() => null);
  if (!org) return null;
  if (org.kind === 'school' || org.kind === 'municipality') return org;
  // A methodical centre or a department of a municipality: its municipality's figures.
  if (actor.scope.level === 'municipality' && actor.scope.municipalityId && isId(actor.scope.municipalityId)) return organisationFor(getDb(), actor.scope.municipalityId).catch(() => null);
  return null;
}

/** The summary of the newest year with values; null for a user without the right to read indicators. */
export async function loadIndicatorSummary(actor: Actor, today: Date = new Date()): Promise<IndicatorSummary | null> {
  if (!can(actor, 'indicator.read') || !actor.scope.regionId) return null;
  const year = (await valueYears(actor))[0] ?? today.getFullYear();
  const place = await placeOf(actor);
  const card = place
    ? await loadScorecard(actor, { year, level: place.kind as 'school' | 'municipality', organisationId: place.id }, today)
    : await loadScorecard(actor, { year, level: 'municipality' }, today);
  if (card.indicators.length === 0) return null;
  const school = place?.kind === 'school' ? place.id : undefined;
  const organisation = place?.kind === 'municipality' ? orgName(place) : undefined;
  const link = (status?: keyof typeof STATUS_LABELS) => scorecardLink({ year, school, organisation, status: status ? STATUS_LABELS[status] : undefined });
  return {
    year,
    place: place ? orgName(place) : 'муниципалитеты региона',
    counts: countStatuses(card.cells.map((c) => c.status)),
    links: { achieved: link('achieved'), close: link('close'), behind: link('behind'), no_data: link('no_data'), all: link() },
    warnings: warningLines(card),
  };
}

/**
 * The warnings of the indicators linked to a road map's items, for the organisation the map belongs to (a
 * municipality's methodical centre's map: the municipality), or for the region's municipalities. Empty when no
 * item of the map is linked or the user does not read indicators.
 */
export async function roadmapIndicatorWarnings(actor: Actor, roadmapId: string, today: Date = new Date()): Promise<{ linked: number; year: number; warnings: IndicatorWarningLine[] }> {
  const empty = { linked: 0, year: today.getFullYear(), warnings: [] };
  if (!can(actor, 'indicator.read') || !actor.scope.regionId || !isId(roadmapId)) return empty;
  const db = getDb();
  const linked = await db
    .selectDistinct({ indicatorId: indicatorRoadmapItems.indicatorId })
    .from(indicatorRoadmapItems)
    .innerJoin(roadmapItems, eq(roadmapItems.id, indicatorRoadmapItems.itemId))
    .where(and(eq(roadmapItems.roadmapId, roadmapId), isNull(roadmapItems.deletedAt)));
  if (linked.length === 0) return empty;
  const [map] = await db.select({ ownerOrganisationId: roadmaps.ownerOrganisationId }).from(roadmaps).where(eq(roadmaps.id, roadmapId));
  if (!map) return empty;
  const owner = await organisationFor(db, map.ownerOrganisationId);
  const place =
    owner.kind === 'school' || owner.kind === 'municipality'
      ? owner
      : owner.municipalityId && owner.municipalityId !== owner.id
        ? await organisationFor(db, owner.municipalityId)
        : null;
  const year = (await valueYears(actor))[0] ?? today.getFullYear();
  const card = place
    ? await loadScorecard(actor, { year, level: place.kind as 'school' | 'municipality', organisationId: place.id }, today)
    : await loadScorecard(actor, { year, level: 'municipality' }, today);
  return { linked: linked.length, year, warnings: warningLines(card, new Set(linked.map((l) => l.indicatorId))) };
}
