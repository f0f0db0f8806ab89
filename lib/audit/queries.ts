import 'server-only';
import { and, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
// The road map's own wording of section and item names (pure functions shared with its pages).
import { itemLabel, sectionTitle } from '@/components/roadmaps/labels';
import { auditLog, classificationRuns, methodologies, organisations, roadmapItems, roadmaps, roadmapSections, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize, can } from '@/lib/auth/policy';
import { scopeFilter } from '@/lib/auth/scope-filter';
import { mayReadMethodologyOf, runVisible } from '@/lib/classification/server/access';
import { getDb } from '@/lib/db/client';
import { isId } from '@/lib/ids';
import { organisationScope } from '@/lib/organisations/scope';
import { roadmapScope } from '@/lib/roadmaps/access';
import { diffSnapshots, type FieldChange } from './diff';
import { ENTITY_REF, type ImportSource, REF_FIELDS, type RefKind, type RefName } from './refs';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  limit?: number;
}

export interface AuditRow {
  id: number;
  at: Date;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: FieldChange[];
  /** Names (and pages) of the records this entry and its changed fields point at, by id. */
  names: Record<string, RefName>;
  /** For an entry written by a road-map import: the table and the size of the whole import. */
  importSource: ImportSource | null;
  /** The road map a section or an item belongs to (for its link), when known. */
  roadmapId: string | null;
}

const SCOPE_COLUMNS = {
  regionId: auditLog.regionId,
  municipalityId: auditLog.municipalityId,
  schoolId: auditLog.schoolId,
};

/** Journal entries the actor may read (its own scope; everything for an administrator), newest first. */
export async function listAudit(actor: Actor, filter: AuditFilter = {}): Promise<AuditRow[]> {
  authorize(actor, 'audit.read');
  const conditions: (SQL | undefined)[] = [
    scopeFilter(actor, 'audit.read', SCOPE_COLUMNS),
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lte(auditLog.at, filter.to) : undefined,
  ];
  const rows = await getDb()
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(Math.min(filter.limit ?? 200, 1000));
  const entries = rows.map((row) => {
    const changes = diffSnapshots(row.before, row.after);
    const snapshot = { ...(isRecord(row.before) ? row.before : {}), ...(isRecord(row.after) ? row.after : {}) };
    const roadmapId = row.entityType === 'roadmap' ? row.entityId : typeof snapshot.roadmapId === 'string' ? snapshot.roadmapId : null;
    return { row, changes, roadmapId };
  });
  const [names, sources] = await Promise.all([loadNames(actor, entries), loadImportSources(actor, entries)]);
  return entries.map(({ row, changes, roadmapId }) => ({
    id: row.id,
    at: row.at,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes,
    names,
    importSource: row.action === 'import' && roadmapId ? (sources.get(`${roadmapId}@${row.at.getTime()}`) ?? null) : null,
    roadmapId,
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A record the entry points at that the viewer may not read: neither its name nor its page is shown. */
export const HIDDEN_NAME: RefName = { name: 'нет доступа', href: null };

/**
 * The names of every record the entries point at, a few queries for the whole page. An entry the actor may read
 * can point at a record it may not (an organisation moved to another municipality, a user of another school): such
 * a record gets HIDDEN_NAME, each kind checked by the same rule as reading the record itself.
 */
async function loadNames(actor: Actor, entries: { row: { entityType: string; entityId: string }; changes: FieldChange[] }[]): Promise<Record<string, RefName>> {
  const wanted: Record<RefKind, Set<string>> = { organisation: new Set(), user: new Set(), roadmap: new Set(), section: new Set(), item: new Set(), methodology: new Set(), run: new Set() };
  for (const { row, changes } of entries) {
    const kind = ENTITY_REF[row.entityType];
    if (kind && isId(row.entityId)) wanted[kind].add(row.entityId);
    for (const change of changes) {
      const ref = REF_FIELDS[change.field];
      if (!ref) continue;
      for (const value of [change.before, change.after]) if (isId(value)) wanted[ref].add(value);
    }
  }
  const ids = (kind: RefKind) => [...wanted[kind]];
  const db = getDb();
  const out: Record<string, RefName> = {};
  const mapScope = { regionId: roadmaps.regionId, municipalityId: roadmaps.municipalityId, schoolId: roadmaps.schoolId, ownerOrganisationId: roadmaps.ownerOrganisationId };
  const [orgs, people, maps, sections, items, methods, runs] = await Promise.all([
    ids('organisation').length ? db.select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName, kind: organisations.kind, regionId: organisations.regionId, municipalityId: organisations.municipalityId }).from(organisations).where(inArray(organisations.id, ids('organisation'))) : [],
    ids('user').length ? db.select({ id: users.id, name: users.name, organisation: { id: organisations.id, kind: organisations.kind, regionId: organisations.regionId, municipalityId: organisations.municipalityId } }).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId)).where(inArray(users.id, ids('user'))) : [],
    ids('roadmap').length ? db.select({ id: roadmaps.id, title: roadmaps.title, ...mapScope }).from(roadmaps).where(inArray(roadmaps.id, ids('roadmap'))) : [],
    ids('section').length ? db.select({ id: roadmapSections.id, number: roadmapSections.number, title: roadmapSections.title, roadmapId: roadmapSections.roadmapId, ...mapScope }).from(roadmapSections).innerJoin(roadmaps, eq(roadmaps.id, roadmapSections.roadmapId)).where(inArray(roadmapSections.id, ids('section'))) : [],
    ids('item').length ? db.select({ id: roadmapItems.id, number: roadmapItems.number, activity: roadmapItems.activity, roadmapId: roadmapItems.roadmapId, ...mapScope }).from(roadmapItems).innerJoin(roadmaps, eq(roadmaps.id, roadmapItems.roadmapId)).where(inArray(roadmapItems.id, ids('item'))) : [],
    ids('methodology').length ? db.select({ id: methodologies.id, name: methodologies.name, versionNumber: methodologies.versionNumber, regionId: methodologies.regionId }).from(methodologies).where(inArray(methodologies.id, ids('methodology'))) : [],
    ids('run').length ? db.select({ id: classificationRuns.id, year: classificationRuns.year, regionId: classificationRuns.regionId, municipalityId: classificationRuns.municipalityId, status: classificationRuns.status }).from(classificationRuns).where(inArray(classificationRuns.id, ids('run'))) : [],
  ]);
  const shown = (id: string, readable: boolean, name: () => RefName) => (out[id] = readable ? name() : HIDDEN_NAME);
  for (const o of orgs) shown(o.id, can(actor, 'organisation.read', organisationScope(o)), () => ({ name: o.shortName ?? o.name, href: o.kind === 'school' ? `/schools/${o.id}` : `/admin/organisations/${o.id}` }));
  for (const u of people) shown(u.id, can(actor, 'user.read', organisationScope(u.organisation)), () => ({ name: u.name, href: `/admin/users/${u.id}` }));
  for (const m of maps) shown(m.id, can(actor, 'roadmap.read', roadmapScope(m)), () => ({ name: m.title, href: `/roadmaps/${m.id}` }));
  for (const s of sections) shown(s.id, can(actor, 'roadmap.read', roadmapScope(s)), () => ({ name: sectionTitle(s), href: `/roadmaps/${s.roadmapId}` }));
  for (const i of items) shown(i.id, can(actor, 'roadmap.read', roadmapScope(i)), () => ({ name: itemLabel(i), href: `/roadmaps/${i.roadmapId}/items/${i.id}` }));
  for (const m of methods) shown(m.id, mayReadMethodologyOf(actor, m.regionId), () => ({ name: `${m.name} (версия ${m.versionNumber})`, href: `/classification/methodologies/${m.id}` }));
  for (const r of runs) shown(r.id, runVisible(actor, r), () => ({ name: `Запуск классификации ${r.year} года`, href: `/classification?run=${r.id}` }));
  return out;
}

/**
 * A road-map import writes one entry per item and one summary entry on the road map (the table's name and the
 * count), all in one transaction and so with the same time: the summary tells each item entry where it came from.
 */
async function loadImportSources(actor: Actor, entries: { row: { action: string; at: Date }; roadmapId: string | null }[]): Promise<Map<string, ImportSource>> {
  const roadmapIds = [...new Set(entries.filter((e) => e.row.action === 'import' && e.roadmapId).map((e) => e.roadmapId!))];
  const out = new Map<string, ImportSource>();
  if (roadmapIds.length === 0) return out;
  const summaries = await getDb()
    .select({ entityId: auditLog.entityId, at: auditLog.at, after: auditLog.after })
    .from(auditLog)
    .where(and(scopeFilter(actor, 'audit.read', SCOPE_COLUMNS), eq(auditLog.entityType, 'roadmap'), eq(auditLog.action, 'import'), inArray(auditLog.entityId, roadmapIds)));
  for (const s of summaries) {
    const after = isRecord(s.after) ? s.after : {};
    out.set(`${s.entityId}@${s.at.getTime()}`, { source: typeof after.source === 'string' ? after.source : null, count: typeof after.items === 'number' ? after.items : 0 });
  }
  return out;
}

/** History panel of one entity. The caller has already checked that the actor may read the entity itself. */
export function entityHistory(actor: Actor, entityType: string, entityId: string): Promise<AuditRow[]> {
  return listAudit(actor, { entityType, entityId, limit: 100 });
}
