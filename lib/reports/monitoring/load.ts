// No 'server-only' here: the benchmark script (tsx, outside Next) builds reports with it. Callers check the actor.
/**
 * Reads what the monitoring report of a region or a municipality for a year is made of: the published
 * classification run of the year (and of the year before), results of the listed schools against the municipal and
 * regional means, road-map execution judged at a fixed date, approved (locked) indicator values with targets,
 * status and warnings, support and the management decisions of the year. Nothing here depends on who asks: the
 * caller decides whether the asker may build the report for this organisation.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Organisation } from '@/db/schema';
import type { SchoolClassification } from '@/lib/classification/classify';
import type { Category } from '@/lib/classification/classify';
import { reasonsInWords } from '@/lib/classification/export-rows';
import { storedSchool, type RunSummary } from '@/lib/classification/server/store';
import type { Executor } from '@/lib/db/client';
import { compareRussian } from '@/lib/format/ru';
import { UNIT_LABELS } from '@/lib/indicators/schemas';
import { indicatorStatus } from '@/lib/indicators/status';
import { applicable, type TargetRow } from '@/lib/indicators/targets';
import { indicatorWarning } from '@/lib/indicators/warning';
import { isOverdue } from '@/lib/roadmaps/deadline';
import type { ItemStatus } from '@/lib/roadmaps/status';
import type { CuratedSchool, DecisionRow, IndicatorRow, ListedSchool, MonitoringData, OverdueItem, PreviousSchool, ResultRow, RoadmapGroup, RunInfo } from './data';

type Row = Record<string, unknown>;
const rowsOf = async (executor: Executor, query: SQL) => (await executor.execute(query)).rows as Row[];
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const LIST_SQL = sql`('low_results', 'unfavourable', 'both', 'resilient')`;
const REGION_LEVEL = 'Региональный уровень';

export type ReportOrganisation = Pick<Organisation, 'id' | 'kind' | 'name' | 'shortName' | 'regionId' | 'municipalityId'>;

/** A progress callback: the share done (0–1) and the stage in words. */
export type Progress = (share: number, stage: string) => Promise<void> | void;

const nameOf = (o: Pick<Organisation, 'name' | 'shortName'>) => o.shortName ?? o.name;

/** The newest published run of the year: region-wide first (as the computed indicators read it), then the municipality's own. */
async function publishedRun(executor: Executor, org: ReportOrganisation, year: number): Promise<(RunInfo & { summary: RunSummary; municipalityId: string | null }) | null> {
  const municipal = org.kind === 'municipality' ? sql`OR run.municipality_id = ${org.id}::uuid` : sql``;
  const [row] = await rowsOf(executor, sql`
    SELECT run.id, run.year, run.input_digest, run.created_at, run.published_at, run.summary, run.municipality_id,
           m.name AS methodology_name, m.version_number, coalesce(mo.short_name, mo.name) AS municipality_name
      FROM classification_runs run
      JOIN methodologies m ON m.id = run.methodology_id
      LEFT JOIN organisations mo ON mo.id = run.municipality_id
     WHERE run.status = 'published' AND run.year = ${year} AND run.region_id = ${org.regionId}::uuid
       AND (run.municipality_id IS NULL ${municipal})
     ORDER BY run.municipality_id NULLS FIRST, run.published_at DESC, run.created_at DESC, run.id
     LIMIT 1`);
  if (!row) return null;
  return {
    id: str(row.id),
    year: Number(row.year),
    scopeName: row.municipality_id ? `по муниципалитету ${str(row.municipality_name)}` : 'по региону',
    methodologyName: str(row.methodology_name),
    methodologyVersion: Number(row.version_number),
    inputDigest: str(row.input_digest),
    createdAt: new Date(row.created_at as string),
    publishedAt: row.published_at ? new Date(row.published_at as string) : null,
    summary: (typeof row.summary === 'string' ? JSON.parse(row.summary) : row.summary) as RunSummary,
    municipalityId: (row.municipality_id as string | null) ?? null,
  };
}

/** The run's rows of the report's schools: all of a region run's, or the municipality's. */
function runSchools(org: ReportOrganisation, alias = 'r') {
  return org.kind === 'municipality' ? sql`AND ${sql.raw(alias)}.municipality_id = ${org.id}::uuid` : sql``;
}

async function municipalityNames(executor: Executor, regionId: string): Promise<Map<string, string>> {
  const rows = await rowsOf(executor, sql`SELECT id, coalesce(short_name, name) AS name FROM organisations WHERE kind = 'municipality' AND region_id = ${regionId}::uuid`);
  return new Map(rows.map((r) => [str(r.id), str(r.name)]));
}

async function listedSchools(executor: Executor, org: ReportOrganisation, run: NonNullable<Awaited<ReturnType<typeof publishedRun>>>, names: Map<string, string>): Promise<ListedSchool[]> {
  const rows = await rowsOf(executor, sql`
    SELECT r.school_id, r.category, r.explanation, r.municipality_id, o.settlement
      FROM classification_results r JOIN organisations o ON o.id = r.school_id
     WHERE r.run_id = ${run.id}::uuid AND r.category IN ${LIST_SQL} ${runSchools(org)}
     ORDER BY r.school_id`);
  const runNames = run.summary.municipalityNames ?? {};
  return rows.map((r) => {
    const school = storedSchool(str(r.explanation), run.summary);
    const full = 'partners' in school ? (school as SchoolClassification) : null;
    const municipalityId = str(r.municipality_id);
    return {
      schoolId: str(r.school_id),
      name: school.name,
      municipality: runNames[municipalityId] ?? names.get(municipalityId) ?? '',
      rural: r.settlement === 'rural',
      category: str(r.category) as Category,
      reasons: reasonsInWords(school),
      partners: full ? full.partners.map((p) => p.name) : [],
    };
  });
}

async function previousSchools(executor: Executor, org: ReportOrganisation, runId: string, names: Map<string, string>): Promise<PreviousSchool[]> {
  const rows = await rowsOf(executor, sql`
    SELECT r.school_id, r.category, r.municipality_id, coalesce(o.short_name, o.name) AS name
      FROM classification_results r JOIN organisations o ON o.id = r.school_id
     WHERE r.run_id = ${runId}::uuid AND r.category IN ${LIST_SQL} ${runSchools(org)}
     ORDER BY r.school_id`);
  return rows.map((r) => ({ schoolId: str(r.school_id), name: str(r.name), municipality: names.get(str(r.municipality_id)) ?? '', category: str(r.category) as Category }));
}

/** ЕГЭ/ОГЭ: participant-weighted mean score; ВПР: share of «2», %; over the rows `condition` selects. */
function measure(condition: SQL): SQL {
  return sql`CASE WHEN a.exam = 'VPR'
      THEN 100.0 * sum(a.marks_2) FILTER (WHERE a.marks_2 IS NOT NULL AND ${condition}) / nullif(sum(a.participants) FILTER (WHERE a.marks_2 IS NOT NULL AND ${condition}), 0)
      ELSE sum(a.mean_score * a.participants) FILTER (WHERE a.mean_score IS NOT NULL AND ${condition}) / nullif(sum(a.participants) FILTER (WHERE a.mean_score IS NOT NULL AND ${condition}), 0)
    END`;
}

async function results(executor: Executor, org: ReportOrganisation, runId: string | null, year: number): Promise<ResultRow[]> {
  const listed = runId
    ? sql`a.school_id IN (SELECT r.school_id FROM classification_results r WHERE r.run_id = ${runId}::uuid AND r.category IN ('low_results', 'both') ${runSchools(org)})`
    : sql`false`;
  const municipal = org.kind === 'municipality' ? sql`s.municipality_id = ${org.id}::uuid` : sql`false`;
  const rows = await rowsOf(executor, sql`
    SELECT a.exam, a.subject, a.year, ${measure(listed)} AS listed, ${measure(municipal)} AS municipal, ${measure(sql`true`)} AS regional
      FROM assessment_results a JOIN organisations s ON s.id = a.school_id
     WHERE s.region_id = ${org.regionId}::uuid AND a.year <= ${year} AND a.participants > 0
     GROUP BY a.exam, a.subject, a.year
     ORDER BY a.exam, a.subject, a.year`);
  return rows.map((r) => ({ exam: str(r.exam) as ResultRow['exam'], subject: str(r.subject), year: Number(r.year), listed: num(r.listed), municipal: num(r.municipal), regional: num(r.regional) }));
}

interface ItemRow {
  roadmapId: string;
  roadmap: string;
  level: string;
  municipality: string;
  sectionId: string;
  section: string;
  sectionPosition: number;
  position: number;
  number: string;
  activity: string;
  deadline: string;
  periodEnd: string;
  canBeOverdue: boolean;
  status: ItemStatus;
  responsible: string;
}

const emptyGroup = (name: string): RoadmapGroup => ({ name, total: 0, done: 0, onTime: 0, overdue: 0 });

async function roadmapExecution(executor: Executor, org: ReportOrganisation, year: number, onDate: string): Promise<MonitoringData['roadmaps']> {
  const where = org.kind === 'municipality' ? sql`m.municipality_id = ${org.id}::uuid` : sql`m.region_id = ${org.id}::uuid`;
  const rows = (await rowsOf(executor, sql`
    SELECT m.id AS roadmap_id, m.title AS roadmap, m.level, coalesce(mo.short_name, mo.name) AS municipality,
           sec.id AS section_id, sec.title AS section, sec.position AS section_position, i.position, i.number, i.activity,
           i.deadline_text, i.period_end::text AS period_end, i.can_be_overdue, i.status, i.responsible_text
      FROM roadmap_items i
      JOIN roadmaps m ON m.id = i.roadmap_id
      JOIN roadmap_sections sec ON sec.id = i.section_id
      LEFT JOIN organisations mo ON mo.id = m.municipality_id
     WHERE ${where} AND m.deleted_at IS NULL AND m.status <> 'archived' AND i.deleted_at IS NULL
       AND i.status <> 'cancelled' AND i.period_end IS NOT NULL AND i.period_end <= ${`${year}-12-31`}::date`)).map((r): ItemRow => ({
    roadmapId: str(r.roadmap_id), roadmap: str(r.roadmap), level: str(r.level), municipality: r.municipality === null ? REGION_LEVEL : str(r.municipality),
    sectionId: str(r.section_id), section: r.section === null ? 'Без раздела' : str(r.section), sectionPosition: Number(r.section_position), position: Number(r.position),
    number: str(r.number), activity: str(r.activity), deadline: str(r.deadline_text), periodEnd: str(r.period_end), canBeOverdue: Boolean(r.can_be_overdue),
    status: str(r.status) as ItemStatus, responsible: str(r.responsible_text),
  }));
  const byMunicipality = new Map<string, RoadmapGroup>();
  const bySection = new Map<string, RoadmapGroup & { roadmap: string; sort: [string, number] }>();
  const overdue: (OverdueItem & { sort: number })[] = [];
  for (const item of rows) {
    const late = isOverdue({ canBeOverdue: item.canBeOverdue, end: item.periodEnd }, item.status, onDate);
    const add = (g: RoadmapGroup) => {
      g.total += 1;
      if (item.status === 'done') g.done += 1;
      else if (late) g.overdue += 1;
      else g.onTime += 1;
    };
    const m = byMunicipality.get(item.municipality) ?? emptyGroup(item.municipality);
    byMunicipality.set(item.municipality, m);
    add(m);
    if (item.level !== 'school') {
      const key = `${item.roadmapId}:${item.sectionId}`;
      const s = bySection.get(key) ?? { ...emptyGroup(item.section), roadmap: item.roadmap, sort: [item.roadmap, item.sectionPosition] as [string, number] };
      bySection.set(key, s);
      add(s);
    }
    if (late) overdue.push({ roadmap: item.roadmap, municipality: item.municipality, number: item.number, activity: item.activity, deadline: item.deadline, periodEnd: item.periodEnd, responsible: item.responsible, sort: item.position });
  }
  const regionFirst = (a: string, b: string) => (a === REGION_LEVEL ? -1 : b === REGION_LEVEL ? 1 : compareRussian(a, b));
  return {
    byMunicipality: [...byMunicipality.values()].sort((a, b) => regionFirst(a.name, b.name)),
    bySection: [...bySection.values()]
      .sort((a, b) => compareRussian(a.sort[0], b.sort[0]) || a.sort[1] - b.sort[1] || compareRussian(a.name, b.name))
      .map(({ sort: _sort, ...g }) => g),
    overdue: overdue
      .sort((a, b) => regionFirst(a.municipality, b.municipality) || compareRussian(a.roadmap, b.roadmap) || a.sort - b.sort || compareRussian(a.activity, b.activity))
      .map(({ sort: _sort, ...o }) => o),
  };
}

async function indicatorRows(executor: Executor, org: ReportOrganisation, year: number, onDate: string): Promise<MonitoringData['indicators']> {
  const inds = (await rowsOf(executor, sql`SELECT id, code, name, unit, direction, kind, close_share FROM indicators WHERE region_id = ${org.regionId}::uuid AND status = 'active'`))
    .sort((a, b) => compareRussian(str(a.code), str(b.code)) || compareRussian(str(a.id), str(b.id)));
  const orgWhere = org.kind === 'municipality' ? sql`id = ${org.id}::uuid` : sql`kind = 'municipality' AND region_id = ${org.id}::uuid AND is_active`;
  const orgs = (await rowsOf(executor, sql`SELECT id, coalesce(short_name, name) AS name FROM organisations WHERE ${orgWhere}`))
    .sort((a, b) => compareRussian(str(a.name), str(b.name)));
  if (orgs.length === 0) return { rows: [], approvedOrganisations: 0, organisations: 0 };
  const orgIds = sql.join(orgs.map((o) => sql`${str(o.id)}::uuid`), sql`, `);
  const approved = new Set((await rowsOf(executor, sql`
    SELECT organisation_id FROM indicator_approvals
     WHERE organisation_id IN (${orgIds}) AND year = ${year} AND quarter = 0 AND state = 'approved' AND locked_at IS NOT NULL`)).map((r) => str(r.organisation_id)));
  if (inds.length === 0) return { rows: [], approvedOrganisations: approved.size, organisations: orgs.length };
  const indIds = sql.join(inds.map((i) => sql`${str(i.id)}::uuid`), sql`, `);
  const values = new Map((await rowsOf(executor, sql`
    SELECT indicator_id, organisation_id, value FROM indicator_values
     WHERE indicator_id IN (${indIds}) AND organisation_id IN (${orgIds}) AND year = ${year} AND quarter = 0`)).map((r) => [`${str(r.indicator_id)}:${str(r.organisation_id)}`, num(r.value)]));
  const snapshots = new Map((await rowsOf(executor, sql`
    SELECT indicator_id, organisation_id, value FROM indicator_snapshots
     WHERE indicator_id IN (${indIds}) AND organisation_id IN (${orgIds}) AND year = ${year} AND quarter = 0`)).map((r) => [`${str(r.indicator_id)}:${str(r.organisation_id)}`, num(r.value)]));
  const targets = new Map<string, TargetRow[]>();
  for (const t of await rowsOf(executor, sql`SELECT indicator_id, organisation_id, kind, year, value FROM indicator_targets WHERE indicator_id IN (${indIds})`)) {
    const list = targets.get(str(t.indicator_id)) ?? [];
    list.push({ organisationId: (t.organisation_id as string | null) ?? null, kind: str(t.kind) as TargetRow['kind'], year: Number(t.year), value: Number(t.value) });
    targets.set(str(t.indicator_id), list);
  }
  const linked = new Map<string, { doneOnTime: boolean; cancelled: boolean }[]>();
  for (const i of await rowsOf(executor, sql`
    SELECT l.indicator_id, i.status, i.can_be_overdue, i.period_end::text AS period_end
      FROM indicator_roadmap_items l JOIN roadmap_items i ON i.id = l.item_id JOIN roadmaps m ON m.id = i.roadmap_id
     WHERE l.indicator_id IN (${indIds}) AND i.deleted_at IS NULL AND m.deleted_at IS NULL`)) {
    const status = str(i.status) as ItemStatus;
    const overdue = isOverdue({ canBeOverdue: Boolean(i.can_be_overdue), end: (i.period_end as string | null) ?? null }, status, onDate);
    const list = linked.get(str(i.indicator_id)) ?? [];
    list.push({ doneOnTime: status === 'done', cancelled: !(status === 'done' || overdue) });
    linked.set(str(i.indicator_id), list);
  }
  const rows: IndicatorRow[] = [];
  for (const ind of inds) {
    for (const o of orgs) {
      const key = `${str(ind.id)}:${str(o.id)}`;
      const isApproved = approved.has(str(o.id));
      const value = !isApproved ? null : ind.kind === 'computed' ? (snapshots.get(key) ?? null) : (values.get(key) ?? null);
      const rowsOfTargets = targets.get(str(ind.id)) ?? [];
      const target = applicable(rowsOfTargets, 'target', year, str(o.id));
      const baseline = applicable(rowsOfTargets, 'baseline', year, str(o.id));
      const direction = str(ind.direction) as 'higher' | 'lower';
      const items = linked.get(str(ind.id)) ?? [];
      const warning = items.length === 0 ? null : indicatorWarning({ items, direction, baseline, target, current: value === null ? null : { year, value } });
      rows.push({
        code: str(ind.code),
        name: str(ind.name),
        unitWord: UNIT_LABELS[str(ind.unit) as keyof typeof UNIT_LABELS] ?? str(ind.unit),
        organisation: str(o.name),
        value,
        approved: isApproved,
        target,
        baseline,
        status: indicatorStatus({ value, target: target?.value ?? null, baseline: baseline?.value ?? null, direction, closeShare: Number(ind.close_share) }),
        warningKind: warning?.kind ?? null,
        warning: warning?.message ?? null,
      });
    }
  }
  return { rows, approvedOrganisations: approved.size, organisations: orgs.length };
}

async function curatedSchools(executor: Executor, listed: readonly ListedSchool[]): Promise<CuratedSchool[]> {
  if (listed.length === 0) return [];
  const ids = sql.join(listed.map((s) => sql`${s.schoolId}::uuid`), sql`, `);
  const rows = await rowsOf(executor, sql`
    SELECT DISTINCT m.school_id, e.author_name FROM roadmap_review_events e JOIN roadmaps m ON m.id = e.roadmap_id
     WHERE m.level = 'school' AND m.deleted_at IS NULL AND e.kind IN ('approve', 'return') AND m.school_id IN (${ids})`);
  const bySchool = new Map<string, string[]>();
  for (const r of rows) bySchool.set(str(r.school_id), [...(bySchool.get(str(r.school_id)) ?? []), str(r.author_name)]);
  return listed
    .filter((s) => bySchool.has(s.schoolId))
    .map((s) => ({ school: s.name, municipality: s.municipality, curators: [...bySchool.get(s.schoolId)!].sort(compareRussian).join(', ') }))
    .sort((a, b) => compareRussian(a.municipality, b.municipality) || compareRussian(a.school, b.school));
}

async function decisions(executor: Executor, org: ReportOrganisation, year: number): Promise<DecisionRow[]> {
  const where = org.kind === 'municipality'
    ? sql`(d.municipality_id = ${org.id}::uuid OR (d.municipality_id IS NULL AND d.region_id = ${org.regionId}::uuid AND EXISTS (
        SELECT 1 FROM management_decision_organisations c JOIN organisations co ON co.id = c.organisation_id
         WHERE c.decision_id = d.id AND (co.id = ${org.id}::uuid OR co.municipality_id = ${org.id}::uuid))))`
    : sql`d.region_id = ${org.id}::uuid`;
  const rows = await rowsOf(executor, sql`
    SELECT d.id, d.decided_on::text AS decided_on, d.title, d.document, d.responsible, d.due_date::text AS due_date, d.finding,
           coalesce(fs.short_name, fs.name) AS finding_school
      FROM management_decisions d LEFT JOIN organisations fs ON fs.id = d.finding_school_id
     WHERE ${where} AND d.deleted_at IS NULL AND d.decided_on BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date
     ORDER BY d.decided_on, d.created_at, d.id`);
  if (rows.length === 0) return [];
  const ids = sql.join(rows.map((r) => sql`${str(r.id)}::uuid`), sql`, `);
  const concerned = await rowsOf(executor, sql`
    SELECT c.decision_id, coalesce(o.short_name, o.name) AS name FROM management_decision_organisations c JOIN organisations o ON o.id = c.organisation_id WHERE c.decision_id IN (${ids})`);
  const items = await rowsOf(executor, sql`
    SELECT l.decision_id, i.number, i.activity, m.title FROM management_decision_items l JOIN roadmap_items i ON i.id = l.item_id JOIN roadmaps m ON m.id = i.roadmap_id
     WHERE l.decision_id IN (${ids})`);
  const group = (list: Row[], text: (r: Row) => string) => {
    const map = new Map<string, string[]>();
    for (const r of list) map.set(str(r.decision_id), [...(map.get(str(r.decision_id)) ?? []), text(r)]);
    return (id: string) => [...(map.get(id) ?? [])].sort(compareRussian).join('; ');
  };
  const concernedOf = group(concerned, (r) => str(r.name));
  const itemsOf = group(items, (r) => `${str(r.title)}: ${r.number ? `${str(r.number)} ` : ''}${str(r.activity)}`);
  return rows.map((r) => ({
    decidedOn: str(r.decided_on),
    title: str(r.title),
    document: str(r.document),
    responsible: str(r.responsible),
    dueDate: (r.due_date as string | null) ?? null,
    finding: [str(r.finding), r.finding_school ? `школа: ${str(r.finding_school)}` : ''].filter(Boolean).join('; '),
    concerned: concernedOf(str(r.id)),
    items: itemsOf(str(r.id)),
  }));
}

/** The default date deadlines are judged at: the end of the year, or today while the year is not over. */
export function defaultOnDate(year: number, today: Date = new Date()): string {
  const todayIso = today.toISOString().slice(0, 10);
  const end = `${year}-12-31`;
  return todayIso < end ? todayIso : end;
}

/**
 * Everything the monitoring report of `org` (a region or a municipality) for `year` shows, with road-map deadlines
 * judged at `onDate` (ISO). Reads one query after another: `executor` may be a transaction.
 */
export async function loadMonitoringData(executor: Executor, org: ReportOrganisation, year: number, onDate: string, progress: Progress = () => {}): Promise<MonitoringData> {
  const regionId = org.regionId ?? org.id;
  const scoped: ReportOrganisation = { ...org, regionId };
  const [region] = await rowsOf(executor, sql`SELECT coalesce(short_name, name) AS name FROM organisations WHERE id = ${regionId}::uuid`);
  const names = await municipalityNames(executor, regionId);
  await progress(0.05, 'Перечни школ');
  const run = await publishedRun(executor, scoped, year);
  const previousRun = await publishedRun(executor, scoped, year - 1);
  const listed = run ? await listedSchools(executor, scoped, run, names) : [];
  const previous = previousRun ? await previousSchools(executor, scoped, previousRun.id, names) : [];
  await progress(0.25, 'Результаты ГИА и ВПР');
  const resultRows = await results(executor, scoped, run?.id ?? null, year);
  await progress(0.4, 'Дорожные карты');
  const roadmaps = await roadmapExecution(executor, scoped, year, onDate);
  await progress(0.55, 'Показатели');
  const indicators = await indicatorRows(executor, scoped, year, onDate);
  await progress(0.65, 'Сопровождение и решения');
  const pairs = listed
    .flatMap((s) => s.partners.map((partner) => ({ school: s.name, partner })))
    .sort((a, b) => compareRussian(a.school, b.school) || compareRussian(a.partner, b.partner));
  const curated = await curatedSchools(executor, listed);
  const decisionRows = await decisions(executor, scoped, year);
  const strip = (r: NonNullable<typeof run>): RunInfo => ({
    id: r.id, year: r.year, scopeName: r.scopeName, methodologyName: r.methodologyName, methodologyVersion: r.methodologyVersion,
    inputDigest: r.inputDigest, createdAt: r.createdAt, publishedAt: r.publishedAt,
  });
  return {
    organisation: { id: org.id, name: nameOf(org), level: org.kind === 'region' ? 'region' : 'municipality', regionId, regionName: str(region?.name) },
    year,
    onDate,
    run: run ? strip(run) : null,
    previousRun: previousRun ? strip(previousRun) : null,
    listed,
    previous,
    results: resultRows,
    roadmaps,
    indicators,
    support: { pairs, curated },
    decisions: decisionRows,
  };
}
