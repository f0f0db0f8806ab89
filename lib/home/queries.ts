import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { listRuns } from '@/lib/classification/server/runs';
import type { RunRow } from '@/lib/classification/server/types';
import { compareRussian } from '@/lib/format/ru';
import { listOrganisations } from '@/lib/organisations/queries';
import { getRoadmap, listRoadmaps, type RoadmapListRow } from '@/lib/roadmaps/queries';
import { awaitsReport, overdueBySchool, type OverdueByOwner, type RoadmapSummary, startViewOf, summariseRoadmaps } from './start-page';

/** One item on a school's task list, with what a person needs to find it. */
export interface TaskItem {
  roadmapId: string;
  roadmapTitle: string;
  itemId: string;
  number: string | null;
  activity: string;
  deadlineText: string;
  periodEnd: string | null;
}

export interface SchoolRoadmapTasks {
  roadmap: Pick<RoadmapListRow, 'id' | 'title' | 'status'>;
  overdue: TaskItem[];
  awaitingReport: TaskItem[];
}

export type StartPageData =
  | { view: 'school'; roadmaps: SchoolRoadmapTasks[] }
  | { view: 'review'; summary: RoadmapSummary; needsRevision: RoadmapListRow[] }
  | { view: 'municipal'; summary: RoadmapSummary; overdueBySchool: OverdueByOwner[]; latestRun: RunRow | null }
  | { view: 'region'; summary: RoadmapSummary; overdueBySchool: OverdueByOwner[]; latestRun: RunRow | null; schoolCount: number | null };

/**
 * What the actor's start page shows. Read-only; every figure comes from the domain queries, which check the
 * actor's rights and scope, so a start page never shows more than the lists its links open.
 */
export async function loadStartPage(actor: Actor, today: Date = new Date()): Promise<StartPageData> {
  const view = startViewOf(actor);
  const roadmaps = can(actor, 'roadmap.read') ? await listRoadmaps(actor, {}, today) : [];
  if (view === 'school') return { view, roadmaps: await schoolTasks(actor, roadmaps, today) };
  const summary = summariseRoadmaps(roadmaps);
  if (view === 'review') return { view, summary, needsRevision: roadmaps.filter((r) => r.status === 'needs_revision') };
  const latestRun = can(actor, 'classification.read') ? ((await listRuns(actor))[0] ?? null) : null;
  const bySchool = overdueBySchool(roadmaps, compareRussian);
  if (view === 'municipal') return { view, summary, overdueBySchool: bySchool, latestRun };
  const schoolCount = can(actor, 'organisation.read') ? (await listOrganisations(actor, { kind: 'school' })).length : null;
  return { view, summary, overdueBySchool: bySchool, latestRun, schoolCount };
}

async function schoolTasks(actor: Actor, roadmaps: RoadmapListRow[], today: Date): Promise<SchoolRoadmapTasks[]> {
  const open = roadmaps.filter((r) => r.status !== 'archived');
  const details = await Promise.all(open.map((r) => getRoadmap(actor, r.id, today)));
  return details.map((detail) => {
    const roadmap = { id: detail.roadmap.id, title: detail.roadmap.title, status: detail.roadmap.status };
    const items = detail.sections.flatMap((s) => s.items);
    const task = (item: (typeof items)[number]): TaskItem => ({
      roadmapId: roadmap.id,
      roadmapTitle: roadmap.title,
      itemId: item.id,
      number: item.number,
      activity: item.activity,
      deadlineText: item.deadlineText,
      periodEnd: item.periodEnd,
    });
    return {
      roadmap,
      overdue: items.filter((i) => i.overdue).map(task),
      awaitingReport: items.filter((i) => awaitsReport({ ...i, reportCount: i.reports.length }, today)).map(task),
    };
  });
}
