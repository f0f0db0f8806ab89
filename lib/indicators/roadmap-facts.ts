/** Road-map facts of one school for a year, from its road maps' items. Pure. */

export interface RoadmapItemFact {
  roadmapStatus: string;
  /** Null for a road map without items (LEFT JOIN). */
  status: string | null;
  canBeOverdue: boolean;
  /** ISO date or null. */
  periodEnd: string | null;
}

/**
 * approved — any of the school's road maps is approved; onTimeShare — of the items due by the end of `year`
 * (cancelled ones left out), the share done, in percent (null when none was due); overdueItems — items not done
 * whose deadline passed before the end of the year, or before `today` when the year is not over.
 */
export function schoolRoadmapFacts(items: readonly RoadmapItemFact[], year: number, today: Date): { approved: boolean; onTimeShare: number | null; overdueItems: number } {
  const yearEnd = `${year}-12-31`;
  const todayIso = today.toISOString().slice(0, 10);
  const cut = todayIso < yearEnd ? todayIso : yearEnd;
  let due = 0;
  let done = 0;
  let overdue = 0;
  for (const i of items) {
    if (i.status === null || i.status === 'cancelled') continue;
    if (i.periodEnd !== null && i.periodEnd <= yearEnd) {
      due += 1;
      if (i.status === 'done') done += 1;
    }
    if (i.canBeOverdue && i.periodEnd !== null && i.periodEnd < cut && i.status !== 'done') overdue += 1;
  }
  return { approved: items.some((i) => i.roadmapStatus === 'approved'), onTimeShare: due === 0 ? null : (100 * done) / due, overdueItems: overdue };
}
