import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import {
  organisations,
  roadmapEvidence,
  roadmapItemResponsibles,
  roadmapItems,
  roadmapProgressReports,
  roadmapReviewEvents,
  roadmapSections,
  type Roadmap,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { organisationName, roadmapFor, roadmapPermissions } from './access';
import { isOverdue } from './deadline';
import { summariseProgress } from './progress';
import { changesSinceApproval } from './review-guard';
import type { ItemView, ReportView, ResponsibleView, ReviewEventView, RoadmapDetail } from './views';

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

async function responsiblesOf(itemIds: string[]) {
  if (itemIds.length === 0) return new Map<string, ResponsibleView[]>();
  const rows = await getDb()
    .select({
      itemId: roadmapItemResponsibles.itemId,
      name: roadmapItemResponsibles.name,
      organisationId: roadmapItemResponsibles.organisationId,
      orgName: organisations.name,
      orgShortName: organisations.shortName,
    })
    .from(roadmapItemResponsibles)
    .leftJoin(organisations, eq(organisations.id, roadmapItemResponsibles.organisationId))
    .where(inArray(roadmapItemResponsibles.itemId, itemIds))
    .orderBy(asc(roadmapItemResponsibles.position));
  const views = rows.map((row) => ({
    itemId: row.itemId,
    view: { name: row.name, organisationId: row.organisationId, organisationName: row.orgShortName ?? row.orgName ?? null },
  }));
  return new Map([...groupBy(views, (row) => row.itemId)].map(([id, list]) => [id, list.map((row) => row.view)]));
}

/** Progress reports of a road map, newest first, with their evidence. */
async function reportsOf(roadmapId: string): Promise<Map<string, ReportView[]>> {
  const reports = await getDb()
    .select()
    .from(roadmapProgressReports)
    .where(eq(roadmapProgressReports.roadmapId, roadmapId))
    .orderBy(asc(roadmapProgressReports.reportedOn), asc(roadmapProgressReports.createdAt));
  const evidence = reports.length
    ? await getDb()
        .select()
        .from(roadmapEvidence)
        .where(inArray(roadmapEvidence.reportId, reports.map((report) => report.id)))
        .orderBy(asc(roadmapEvidence.createdAt))
    : [];
  const evidenceByReport = groupBy(evidence, (row) => row.reportId);
  const views = reports.reverse().map((report) => ({
    itemId: report.itemId,
    view: {
      id: report.id,
      reportedOn: report.reportedOn,
      text: report.text,
      authorName: report.authorName,
      createdAt: report.createdAt,
      evidence: (evidenceByReport.get(report.id) ?? []).map((row) => ({
        id: row.id,
        kind: row.kind,
        url: row.url,
        fileName: row.fileName,
        mimeType: row.mimeType,
        sizeBytes: row.sizeBytes,
      })),
    },
  }));
  return new Map([...groupBy(views, (row) => row.itemId)].map(([id, list]) => [id, list.map((row) => row.view)]));
}

async function reviewOf(roadmapId: string): Promise<ReviewEventView[]> {
  const rows = await getDb()
    .select()
    .from(roadmapReviewEvents)
    .where(eq(roadmapReviewEvents.roadmapId, roadmapId))
    .orderBy(asc(roadmapReviewEvents.createdAt));
  return rows.map((row) => ({ id: row.id, itemId: row.itemId, kind: row.kind, text: row.text, authorName: row.authorName, createdAt: row.createdAt }));
}

/** For a school map that was approved and changed since: the changes, for the curator deciding on it again. */
async function sinceApprovalOf(roadmap: Roadmap): Promise<RoadmapDetail['sinceApproval']> {
  if (roadmap.level !== 'school' || roadmap.status === 'approved') return null;
  const { approvedAt, changes } = await changesSinceApproval(getDb(), roadmap.id);
  return approvedAt && changes.length > 0 ? { approvedAt, changes } : null;
}

/** One road map with its sections, items (normalised period, derived `overdue`), reports, review and rights. */
export async function getRoadmap(actor: Actor, id: string, today: Date = new Date()): Promise<RoadmapDetail> {
  const db = getDb();
  const roadmap = await roadmapFor(db, actor, 'roadmap.read', id);
  const sections = await db.select().from(roadmapSections).where(eq(roadmapSections.roadmapId, id)).orderBy(asc(roadmapSections.position));
  const items = await db
    .select()
    .from(roadmapItems)
    .where(and(eq(roadmapItems.roadmapId, id), isNull(roadmapItems.deletedAt)))
    .orderBy(asc(roadmapItems.position));
  const [responsibles, reports, review] = [await responsiblesOf(items.map((item) => item.id)), await reportsOf(id), await reviewOf(id)];
  const commentsByItem = groupBy(review.filter((event) => event.itemId !== null), (event) => event.itemId);
  const views: ItemView[] = items.map((item) => ({
    ...item,
    overdue: isOverdue({ canBeOverdue: item.canBeOverdue, end: item.periodEnd }, item.status, today),
    responsibles: responsibles.get(item.id) ?? [],
    reports: reports.get(item.id) ?? [],
    reviewComments: commentsByItem.get(item.id) ?? [],
  }));
  const itemsBySection = groupBy(views, (item) => item.sectionId);
  return {
    roadmap: { ...roadmap, ownerName: await organisationName(db, roadmap.ownerOrganisationId) },
    sections: sections.map((section) => {
      const sectionItems = itemsBySection.get(section.id) ?? [];
      return { ...section, items: sectionItems, progress: summariseProgress(sectionItems) };
    }),
    progress: summariseProgress(views),
    review,
    sinceApproval: await sinceApprovalOf(roadmap),
    permissions: roadmapPermissions(actor, roadmap),
  };
}
