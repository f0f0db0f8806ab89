// No 'server-only' here: the demo seed runs this under tsx, outside Next (see lib/demo/seed.ts).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { organisations, roadmapItemResponsibles, type Roadmap } from '@/db/schema';
import type { Executor } from '@/lib/db/client';
import { manualDeadline, normaliseDeadline } from './deadline';
import { buildNameIndex, recogniseResponsibles, type OrganisationCandidate } from './responsible-match';

/** The stored deadline columns of an item: normalised from the text, or set by hand (then `manual`). */
export function deadlineColumns(
  deadlineText: string,
  roadmap: Pick<Roadmap, 'periodStartYear' | 'periodEndYear'>,
  override: { start: string; end: string } | null,
) {
  const deadline = override
    ? manualDeadline(override.start, override.end)
    : normaliseDeadline(deadlineText, { startYear: roadmap.periodStartYear, endYear: roadmap.periodEndYear });
  return {
    deadlineKind: deadline.kind,
    periodStart: deadline.start,
    periodEnd: deadline.end,
    recurringYearly: deadline.recurringYearly,
    canBeOverdue: deadline.canBeOverdue,
    periodOverridden: override !== null,
  };
}

/** Organisations that may be named in a road map: those of its region (and the region itself). */
export async function loadNameIndex(executor: Executor, roadmap: Pick<Roadmap, 'regionId'>) {
  const rows: OrganisationCandidate[] = await executor
    .select({
      id: organisations.id,
      name: organisations.name,
      shortName: organisations.shortName,
      aliases: organisations.aliases,
      regionId: organisations.regionId,
      municipalityId: organisations.municipalityId,
    })
    .from(organisations)
    .where(and(eq(organisations.isActive, true), roadmap.regionId ? eq(organisations.regionId, roadmap.regionId) : sql`false`));
  return buildNameIndex(rows);
}

export type NameIndex = Awaited<ReturnType<typeof loadNameIndex>>;

/** Replaces the responsible parties of items with those read from their text. */
export async function writeResponsibles(
  tx: Executor,
  roadmap: Pick<Roadmap, 'regionId' | 'municipalityId'>,
  index: NameIndex,
  items: readonly { id: string; responsibleText: string }[],
): Promise<void> {
  if (items.length === 0) return;
  await tx.delete(roadmapItemResponsibles).where(inArray(roadmapItemResponsibles.itemId, items.map((item) => item.id)));
  const context = { regionId: roadmap.regionId, municipalityId: roadmap.municipalityId };
  const rows = items.flatMap((item) =>
    recogniseResponsibles(item.responsibleText, index, context).map((party, position) => ({
      itemId: item.id,
      position,
      name: party.name,
      organisationId: party.organisationId,
    })),
  );
  if (rows.length > 0) await tx.insert(roadmapItemResponsibles).values(rows);
}
