import 'server-only';
/**
 * The management decisions register (seed 002 item 26): a region or a municipality records what it decided on a
 * monitoring finding — document, organisations concerned, responsible, due date and the road-map items the decision
 * creates. Read and written by those who build the reports of that place (`report.export`); every write in one
 * transaction with an optimistic version (stale → 409) and an audit entry that names organisations and items.
 */
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { managementDecisionItems, managementDecisionOrganisations, managementDecisions, organisations, roadmapItems, roadmaps, type ManagementDecision, type Organisation } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize, can } from '@/lib/auth/policy';
import { entityHistory } from '@/lib/audit/queries';
import type { AuditRow } from '@/lib/audit/queries';
import { recordAudit } from '@/lib/audit/record';
import { getDb, type Executor } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError } from '@/lib/errors';
import { compareRussian } from '@/lib/format/ru';
import { isId } from '@/lib/ids';
import { parseInput } from '@/lib/validation';
import { reportOrganisation, reportScope } from '../monitoring/queries';
import { createDecisionSchema, deleteDecisionSchema, updateDecisionSchema, type CreateDecisionInput, type UpdateDecisionInput } from './schemas';

export const DECISION_ENTITY = 'management_decision';

export interface DecisionDetail extends ManagementDecision {
  organisationName: string;
  findingSchoolName: string | null;
  concerned: { id: string; name: string }[];
  items: { id: string; label: string }[];
}

const nameOf = (o: Pick<Organisation, 'name' | 'shortName'>) => o.shortName ?? o.name;

/** The decisions the actor may read: its region's (an analyst), its municipality's (a coordinator); newest first. */
export async function listDecisions(actor: Actor, filter: { year?: number } = {}): Promise<DecisionDetail[]> {
  authorize(actor, 'report.export');
  const conditions: SQL[] = [isNull(managementDecisions.deletedAt)];
  if (actor.role !== 'admin') {
    if (actor.scope.level === 'municipality' && actor.scope.municipalityId) conditions.push(eq(managementDecisions.municipalityId, actor.scope.municipalityId));
    else if (actor.scope.regionId) conditions.push(eq(managementDecisions.regionId, actor.scope.regionId));
    else return [];
  }
  if (filter.year !== undefined && Number.isInteger(filter.year)) {
    conditions.push(sql`${managementDecisions.decidedOn} BETWEEN ${`${filter.year}-01-01`}::date AND ${`${filter.year}-12-31`}::date`);
  }
  const rows = await getDb().select().from(managementDecisions).where(and(...conditions))
    .orderBy(desc(managementDecisions.decidedOn), desc(managementDecisions.createdAt), asc(managementDecisions.id));
  const visible = rows.filter((d) => can(actor, 'report.export', scopeOfDecision(d)));
  return details(getDb(), visible);
}

function scopeOfDecision(d: Pick<ManagementDecision, 'regionId' | 'municipalityId'>) {
  return { regionId: d.regionId, municipalityId: d.municipalityId, schoolId: null };
}

async function details(executor: Executor, rows: ManagementDecision[]): Promise<DecisionDetail[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const orgIds = [...new Set(rows.flatMap((r) => [r.organisationId, r.findingSchoolId].filter((x): x is string => x !== null)))];
  const [orgs, concerned, items] = await Promise.all([
    executor.select().from(organisations).where(inArray(organisations.id, orgIds)),
    executor.select({ decisionId: managementDecisionOrganisations.decisionId, org: organisations }).from(managementDecisionOrganisations)
      .innerJoin(organisations, eq(organisations.id, managementDecisionOrganisations.organisationId)).where(inArray(managementDecisionOrganisations.decisionId, ids)),
    executor.select({ decisionId: managementDecisionItems.decisionId, item: roadmapItems, title: roadmaps.title }).from(managementDecisionItems)
      .innerJoin(roadmapItems, eq(roadmapItems.id, managementDecisionItems.itemId)).innerJoin(roadmaps, eq(roadmaps.id, roadmapItems.roadmapId))
      .where(inArray(managementDecisionItems.decisionId, ids)),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, nameOf(o)]));
  return rows.map((r) => ({
    ...r,
    organisationName: orgName.get(r.organisationId) ?? '',
    findingSchoolName: r.findingSchoolId ? (orgName.get(r.findingSchoolId) ?? null) : null,
    concerned: concerned.filter((c) => c.decisionId === r.id).map((c) => ({ id: c.org.id, name: nameOf(c.org) })).sort((a, b) => compareRussian(a.name, b.name)),
    items: items.filter((i) => i.decisionId === r.id).map((i) => ({ id: i.item.id, label: itemLabel(i.title, i.item.number, i.item.activity) })).sort((a, b) => compareRussian(a.label, b.label)),
  }));
}

export function itemLabel(roadmap: string, number: string | null, activity: string): string {
  return `${roadmap}: ${number ? `${number} ` : ''}${activity}`;
}

async function visibleDecision(executor: Executor, actor: Actor, id: string, forUpdate = false): Promise<ManagementDecision> {
  authorize(actor, 'report.export');
  const query = executor.select().from(managementDecisions).where(and(eq(managementDecisions.id, id), isNull(managementDecisions.deletedAt)));
  const [row] = isId(id) ? await (forUpdate ? query.for('update') : query) : [];
  if (!row || !can(actor, 'report.export', scopeOfDecision(row))) throw new AppError('not_found', 'Решение не найдено.');
  return row;
}

export async function getDecision(actor: Actor, id: string): Promise<DecisionDetail> {
  const row = await visibleDecision(getDb(), actor, id);
  return (await details(getDb(), [row]))[0]!;
}

export async function decisionHistory(actor: Actor, id: string): Promise<AuditRow[]> {
  await visibleDecision(getDb(), actor, id);
  return entityHistory(actor, DECISION_ENTITY, id);
}

/** Organisations a decision of `org` may concern: itself, its municipalities and schools (a municipality: its own schools). */
function withinPlace(org: Organisation) {
  return org.kind === 'region' ? eq(organisations.regionId, org.id) : or(eq(organisations.municipalityId, org.id), eq(organisations.id, org.id))!;
}

/** Road-map items a decision of `org` may link: items of the place's road maps (region-wide: every map of the region). */
function itemsWithinPlace(org: Organisation) {
  return org.kind === 'region' ? eq(roadmaps.regionId, org.id) : eq(roadmaps.municipalityId, org.id);
}

type Fields = ReturnType<typeof createDecisionSchema.parse>;

async function checkLinks(executor: Executor, org: Organisation, data: Fields): Promise<{ concerned: Organisation[]; findingSchool: Organisation | null; items: { id: string; label: string }[] }> {
  const concernedIds = [...new Set(data.concernedIds)];
  const concerned = concernedIds.length === 0 ? [] : await executor.select().from(organisations).where(and(inArray(organisations.id, concernedIds), withinPlace(org)));
  if (concerned.length !== concernedIds.length) {
    throw new AppError('validation', 'Проверьте введённые данные.', [{ field: 'concernedIds', message: `Организации: можно выбрать только организации, относящиеся к «${nameOf(org)}»` }]);
  }
  let findingSchool: Organisation | null = null;
  if (data.findingSchoolId) {
    [findingSchool = null] = await executor.select().from(organisations).where(and(eq(organisations.id, data.findingSchoolId), eq(organisations.kind, 'school'), withinPlace(org)));
    if (!findingSchool) throw new AppError('validation', 'Проверьте введённые данные.', [{ field: 'findingSchoolId', message: `Школа: выберите школу, относящуюся к «${nameOf(org)}»` }]);
  }
  const itemIds = [...new Set(data.itemIds)];
  const items = itemIds.length === 0 ? [] : await executor.select({ item: roadmapItems, title: roadmaps.title }).from(roadmapItems).innerJoin(roadmaps, eq(roadmaps.id, roadmapItems.roadmapId))
    .where(and(inArray(roadmapItems.id, itemIds), isNull(roadmapItems.deletedAt), isNull(roadmaps.deletedAt), itemsWithinPlace(org)));
  if (items.length !== itemIds.length) {
    throw new AppError('validation', 'Проверьте введённые данные.', [{ field: 'itemIds', message: `Мероприятия дорожных карт: можно выбрать только мероприятия дорожных карт «${nameOf(org)}»` }]);
  }
  return {
    concerned: [...concerned].sort((a, b) => compareRussian(nameOf(a), nameOf(b))),
    findingSchool,
    items: items.map((i) => ({ id: i.item.id, label: itemLabel(i.title, i.item.number, i.item.activity) })).sort((a, b) => compareRussian(a.label, b.label)),
  };
}

/** What the journal keeps of a decision: names, never ids. */
function snapshot(org: Organisation, data: Fields, links: Awaited<ReturnType<typeof checkLinks>>) {
  return {
    organisation: nameOf(org),
    decidedOn: data.decidedOn,
    title: data.title,
    document: data.document,
    responsible: data.responsible,
    dueDate: data.dueDate,
    finding: data.finding,
    findingSchool: links.findingSchool ? nameOf(links.findingSchool) : null,
    concerned: links.concerned.map(nameOf),
    items: links.items.map((i) => i.label),
  };
}

async function writeLinks(executor: Executor, decisionId: string, links: Awaited<ReturnType<typeof checkLinks>>) {
  await executor.delete(managementDecisionOrganisations).where(eq(managementDecisionOrganisations.decisionId, decisionId));
  await executor.delete(managementDecisionItems).where(eq(managementDecisionItems.decisionId, decisionId));
  if (links.concerned.length > 0) await executor.insert(managementDecisionOrganisations).values(links.concerned.map((o) => ({ decisionId, organisationId: o.id })));
  if (links.items.length > 0) await executor.insert(managementDecisionItems).values(links.items.map((i) => ({ decisionId, itemId: i.id })));
}

export async function createDecision(actor: Actor, input: CreateDecisionInput): Promise<ManagementDecision> {
  const data = parseInput(createDecisionSchema, input);
  const org = await reportOrganisation(actor, data.organisationId);
  return inTransaction(async (tx) => {
    const links = await checkLinks(tx, org, data);
    const scope = reportScope(org);
    const [row] = await tx.insert(managementDecisions).values({
      organisationId: org.id, regionId: scope.regionId, municipalityId: scope.municipalityId,
      decidedOn: data.decidedOn, title: data.title, document: data.document, responsible: data.responsible, dueDate: data.dueDate,
      finding: data.finding, findingSchoolId: links.findingSchool?.id ?? null,
    }).returning();
    await writeLinks(tx, row!.id, links);
    await recordAudit(tx, actor, { action: 'create', entityType: DECISION_ENTITY, entityId: row!.id, scope, after: snapshot(org, data, links) });
    return row!;
  });
}

async function previousSnapshot(executor: Executor, row: ManagementDecision) {
  const [detail] = await details(executor, [row]);
  return {
    organisation: detail!.organisationName, decidedOn: row.decidedOn, title: row.title, document: row.document, responsible: row.responsible,
    dueDate: row.dueDate, finding: row.finding, findingSchool: detail!.findingSchoolName, concerned: detail!.concerned.map((c) => c.name), items: detail!.items.map((i) => i.label),
  };
}

export async function updateDecision(actor: Actor, input: UpdateDecisionInput): Promise<ManagementDecision> {
  const data = parseInput(updateDecisionSchema, input);
  return inTransaction(async (tx) => {
    const current = await visibleDecision(tx, actor, data.id, true);
    if (current.version !== data.version) throw new AppError('conflict');
    const org = await reportOrganisation(actor, data.organisationId, tx);
    const links = await checkLinks(tx, org, data);
    const before = await previousSnapshot(tx, current);
    const scope = reportScope(org);
    const row = await updateVersioned(tx, managementDecisions, current.id, data.version, {
      organisationId: org.id, regionId: scope.regionId, municipalityId: scope.municipalityId,
      decidedOn: data.decidedOn, title: data.title, document: data.document, responsible: data.responsible, dueDate: data.dueDate,
      finding: data.finding, findingSchoolId: links.findingSchool?.id ?? null,
    }, isNull(managementDecisions.deletedAt));
    await writeLinks(tx, row.id, links);
    await recordAudit(tx, actor, { action: 'update', entityType: DECISION_ENTITY, entityId: row.id, scope, before, after: snapshot(org, data, links) });
    return row;
  });
}

export async function deleteDecision(actor: Actor, input: { id: string; version: number | string }): Promise<void> {
  const data = parseInput(deleteDecisionSchema, input);
  await inTransaction(async (tx) => {
    const current = await visibleDecision(tx, actor, data.id, true);
    const before = await previousSnapshot(tx, current);
    await updateVersioned(tx, managementDecisions, current.id, data.version, { deletedAt: new Date() }, isNull(managementDecisions.deletedAt));
    await recordAudit(tx, actor, { action: 'delete', entityType: DECISION_ENTITY, entityId: current.id, scope: scopeOfDecision(current), before });
  });
}

export interface DecisionFormOptions {
  organisations: { value: string; label: string }[];
  schools: { value: string; label: string }[];
  items: { value: string; label: string }[];
}

/** What the form offers: the places the actor reports on, their schools and municipalities, and their road-map items. */
export async function decisionFormOptions(actor: Actor): Promise<DecisionFormOptions> {
  authorize(actor, 'report.export');
  const db = getDb();
  const place = actor.scope.level === 'municipality' && actor.scope.municipalityId
    ? or(eq(organisations.municipalityId, actor.scope.municipalityId), eq(organisations.id, actor.scope.municipalityId))!
    : actor.scope.regionId ? eq(organisations.regionId, actor.scope.regionId) : sql`false`;
  const orgs = (await db.select().from(organisations).where(and(place, eq(organisations.isActive, true))))
    .filter((o) => o.kind === 'school' || ((o.kind === 'region' || o.kind === 'municipality') && can(actor, 'report.export', reportScope(o))));
  const sorted = (list: Organisation[]) => list.map((o) => ({ value: o.id, label: nameOf(o) })).sort((a, b) => compareRussian(a.label, b.label));
  const places = orgs.filter((o) => o.kind !== 'school');
  const itemPlace = actor.scope.level === 'municipality' && actor.scope.municipalityId ? eq(roadmaps.municipalityId, actor.scope.municipalityId) : actor.scope.regionId ? eq(roadmaps.regionId, actor.scope.regionId) : sql`false`;
  const items = await db.select({ id: roadmapItems.id, number: roadmapItems.number, activity: roadmapItems.activity, title: roadmaps.title }).from(roadmapItems)
    .innerJoin(roadmaps, eq(roadmaps.id, roadmapItems.roadmapId))
    .where(and(itemPlace, isNull(roadmapItems.deletedAt), isNull(roadmaps.deletedAt), inArray(roadmaps.level, ['region', 'municipality'])));
  return {
    organisations: [...places.filter((o) => o.kind === 'region').map((o) => ({ value: o.id, label: nameOf(o) })), ...sorted(places.filter((o) => o.kind === 'municipality'))],
    schools: sorted(orgs.filter((o) => o.kind === 'school')),
    items: items.map((i) => ({ value: i.id, label: itemLabel(i.title, i.number, i.activity) })).sort((a, b) => compareRussian(a.label, b.label)),
  };
}
