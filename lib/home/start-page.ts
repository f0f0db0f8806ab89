/**
 * The start page («Мои задачи») of each role: which view a user lands on after signing in, and the pure sums the
 * views show. No database or framework import: the queries in `./queries.ts` feed these functions.
 */
import type { Actor } from '@/lib/auth/actor';
import { formatDate, pluralize } from '@/lib/format/ru';
import { todayIso } from '@/lib/roadmaps/deadline';
import { CLOSED_ITEM_STATUSES, type ItemStatus } from '@/lib/roadmaps/status';
import type { RoadmapListRow } from '@/lib/roadmaps/views';

/** The start page's address; every signed-in user lands here unless a link brought them elsewhere. */
export const START_PATH = '/tasks';

/**
 * What the start page shows: a school team its items; a curator the maps awaiting review; a municipal
 * coordinator the municipality's overview; the ministry and the administrator the region's summary. An expert sees
 * the overview of the level it is bound to.
 */
export type StartView = 'school' | 'review' | 'municipal' | 'region';

export function startViewOf(actor: Pick<Actor, 'role' | 'scope'>): StartView {
  switch (actor.role) {
    case 'school_team':
      return 'school';
    case 'methodologist':
      return 'review';
    case 'municipal_coordinator':
      return 'municipal';
    case 'ministry_analyst':
    case 'admin':
      return 'region';
    case 'expert':
      return actor.scope.level === 'school' ? 'school' : actor.scope.level === 'municipality' ? 'municipal' : 'region';
  }
}

/**
 * Where a user lands after signing in (when no link asked for another page): one address for every role, whose
 * page shows the role's own view (`startViewOf`), so a link to «Мои задачи» is the same for everybody.
 */
export function startPathFor(_actor: Pick<Actor, 'role' | 'scope'>): string {
  return START_PATH;
}

/** Links to the lists the counts open, filtered the same way the count was made. */
export const startLinks = {
  roadmaps: (filter: { status?: RoadmapListRow['status']; overdue?: boolean; level?: RoadmapListRow['level'] } = {}) => {
    const query = new URLSearchParams();
    if (filter.level) query.set('level', filter.level);
    if (filter.status) query.set('status', filter.status);
    if (filter.overdue) query.set('overdue', '1');
    const text = query.toString();
    return text ? `/roadmaps?${text}` : '/roadmaps';
  },
  items: (roadmapId: string, filter: 'overdue' | 'awaiting_report') =>
    `/roadmaps/${roadmapId}?${filter === 'overdue' ? 'overdue=1' : 'report=awaiting'}`,
  item: (roadmapId: string, itemId: string) => `/roadmaps/${roadmapId}/items/${itemId}`,
  run: (runId: string, category?: string) => `/classification?run=${runId}${category ? `&category=${category}` : ''}`,
};

export interface ItemFacts {
  status: ItemStatus;
  overdue: boolean;
  periodStart: string | null;
  reportCount: number;
}

/**
 * An item awaits a report when it is open (neither done nor cancelled), its period has begun (or it is already in
 * work) and nobody has reported on it yet. Overdue items are counted separately, never twice.
 */
export function awaitsReport(item: ItemFacts, today: Date | string): boolean {
  if (CLOSED_ITEM_STATUSES.has(item.status) || item.overdue || item.reportCount > 0) return false;
  if (item.status === 'in_progress') return true;
  return item.periodStart !== null && item.periodStart <= todayIso(today);
}

/** A road map counts as overdue when it has overdue items and is not archived (an archive is history, not work). */
export function hasOpenOverdue(row: Pick<RoadmapListRow, 'status' | 'overdueCount'>): boolean {
  return row.status !== 'archived' && row.overdueCount > 0;
}

export interface OverdueByOwner {
  roadmapId: string;
  title: string;
  ownerName: string;
  overdue: number;
  items: number;
}

/** School road maps with overdue items, most overdue first (a school's name breaks ties). */
export function overdueBySchool(rows: readonly RoadmapListRow[], compare: (a: string, b: string) => number): OverdueByOwner[] {
  return rows
    .filter((r) => r.level === 'school' && hasOpenOverdue(r))
    .map((r) => ({ roadmapId: r.id, title: r.title, ownerName: r.ownerName, overdue: r.overdueCount, items: r.itemCount }))
    .sort((a, b) => b.overdue - a.overdue || compare(a.ownerName, b.ownerName));
}

export interface RoadmapSummary {
  total: number;
  byStatus: Record<RoadmapListRow['status'], number>;
  onReview: RoadmapListRow[];
  withOverdue: number;
  overdueItems: number;
}

/** Totals over the road maps a user may read (archived maps count by status only). */
export function summariseRoadmaps(rows: readonly RoadmapListRow[]): RoadmapSummary {
  const byStatus: RoadmapSummary['byStatus'] = { draft: 0, on_review: 0, needs_revision: 0, approved: 0, archived: 0 };
  let withOverdue = 0;
  let overdueItems = 0;
  for (const row of rows) {
    byStatus[row.status] += 1;
    if (!hasOpenOverdue(row)) continue;
    withOverdue += 1;
    overdueItems += row.overdueCount;
  }
  return { total: rows.length, byStatus, onReview: rows.filter((r) => r.status === 'on_review'), withOverdue, overdueItems };
}

/** A data collection campaign the user's organisation still owes figures to (lib/indicators/campaigns). */
export interface OwedCampaignFacts {
  dueDate: string;
  askingName: string;
  status: 'not_started' | 'in_progress' | 'submitted' | 'approved' | 'returned' | 'overdue';
  late: boolean;
  daysLate: number;
}

/** The start page's sentence about an owed campaign: who asks, by when, and — in words — whether it is late. */
export function owedCampaignSentence(c: OwedCampaignFacts): string {
  const asked = `${c.askingName} ждёт значения до ${formatDate(c.dueDate)}`;
  const returned = c.status === 'returned' ? ' Значения возвращены на доработку.' : '';
  if (!c.late) return `${asked}.${returned}`;
  return `${asked}: срок прошёл ${pluralize(c.daysLate, ['день', 'дня', 'дней'])} назад — просрочено.${returned}`;
}

// ——— Indicators: the organisation's scorecard summary ———

/** How many scorecard cells are in each status; `total` all of them. */
export interface ScorecardCounts {
  achieved: number;
  close: number;
  behind: number;
  no_data: number;
  total: number;
}

export function countStatuses(statuses: readonly ('achieved' | 'close' | 'behind' | 'no_data')[]): ScorecardCounts {
  const counts: ScorecardCounts = { achieved: 0, close: 0, behind: 0, no_data: 0, total: statuses.length };
  for (const s of statuses) counts[s] += 1;
  return counts;
}

/**
 * The scorecard a count opens, filtered by the status word it counted: a school's own indicators by year, or the
 * municipalities' scorecard (a municipality's own row chosen by its name).
 */
export function scorecardLink(filter: { year: number; status?: string; school?: string; organisation?: string }): string {
  const query = new URLSearchParams();
  if (filter.school) query.set('org', filter.school);
  query.set('year', String(filter.year));
  if (filter.organisation) query.set('organisation', filter.organisation);
  if (filter.status) query.set('status', filter.status);
  return `${filter.school ? '/indicators/years' : '/indicators'}?${query.toString()}`;
}
