// No 'server-only': the report job runner reads with it; callers check the actor's right on the road map.
/** Reads one road map's items with their reports, evidence and review comments, in the road map's order. */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { ItemStatus } from '@/lib/roadmaps/status';
import type { ExecutionData, ExecutionItem } from './build';

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export async function loadExecutionData(executor: Executor, roadmapId: string, onDate: string): Promise<ExecutionData> {
  const [map] = (await executor.execute(sql`
    SELECT m.id, m.title, m.level, m.status, m.period_start_year, m.period_end_year, m.approval_document, coalesce(o.short_name, o.name) AS owner
      FROM roadmaps m JOIN organisations o ON o.id = m.owner_organisation_id WHERE m.id = ${roadmapId}::uuid AND m.deleted_at IS NULL`)).rows as Row[];
  if (!map) throw new AppError('not_found', 'Дорожная карта не найдена.');
  const items = (await executor.execute(sql`
    SELECT i.id, coalesce(s.title, 'Без раздела') AS section, i.number, i.activity, i.deadline_text, i.period_end::text AS period_end, i.can_be_overdue,
           i.status, i.responsible_text, i.planned_result
      FROM roadmap_items i JOIN roadmap_sections s ON s.id = i.section_id
     WHERE i.roadmap_id = ${roadmapId}::uuid AND i.deleted_at IS NULL
     ORDER BY s.position, i.position, i.id`)).rows as Row[];
  const reports = (await executor.execute(sql`
    SELECT r.id, r.item_id, r.reported_on::text AS reported_on, r.text, r.author_name FROM roadmap_progress_reports r
     WHERE r.roadmap_id = ${roadmapId}::uuid ORDER BY r.reported_on, r.created_at, r.id`)).rows as Row[];
  const evidence = (await executor.execute(sql`
    SELECT e.report_id, e.kind, e.url, e.file_name FROM roadmap_evidence e JOIN roadmap_progress_reports r ON r.id = e.report_id
     WHERE r.roadmap_id = ${roadmapId}::uuid ORDER BY e.created_at, e.id`)).rows as Row[];
  const comments = (await executor.execute(sql`
    SELECT e.item_id, e.text, e.author_name FROM roadmap_review_events e
     WHERE e.roadmap_id = ${roadmapId}::uuid AND e.item_id IS NOT NULL AND e.text <> '' ORDER BY e.created_at, e.id`)).rows as Row[];
  const evidenceOf = new Map<string, string[]>();
  for (const e of evidence) evidenceOf.set(str(e.report_id), [...(evidenceOf.get(str(e.report_id)) ?? []), e.kind === 'link' ? str(e.url) : `файл «${str(e.file_name)}»`]);
  const reportsOf = new Map<string, ExecutionItem['reports'][number][]>();
  for (const r of reports) {
    reportsOf.set(str(r.item_id), [...(reportsOf.get(str(r.item_id)) ?? []), { reportedOn: str(r.reported_on), text: str(r.text), author: str(r.author_name), evidence: evidenceOf.get(str(r.id)) ?? [] }]);
  }
  const commentsOf = new Map<string, string[]>();
  for (const c of comments) commentsOf.set(str(c.item_id), [...(commentsOf.get(str(c.item_id)) ?? []), `${str(c.author_name)}: ${str(c.text)}`]);
  const start = Number(map.period_start_year);
  const end = Number(map.period_end_year);
  return {
    roadmap: {
      id: str(map.id), title: str(map.title), owner: str(map.owner), level: str(map.level), status: str(map.status),
      period: start === end ? `${start} год` : `${start}–${end} годы`, approvalDocument: str(map.approval_document),
    },
    onDate,
    items: items.map((i) => ({
      section: str(i.section), number: str(i.number), activity: str(i.activity), deadline: str(i.deadline_text),
      periodEnd: (i.period_end as string | null) ?? null, canBeOverdue: Boolean(i.can_be_overdue), status: str(i.status) as ItemStatus,
      responsible: str(i.responsible_text), plannedResult: str(i.planned_result),
      reports: reportsOf.get(str(i.id)) ?? [], comments: commentsOf.get(str(i.id)) ?? [],
    })),
  };
}
