import { isId } from '@/lib/ids';
import 'server-only';
/**
 * Versioned methodologies of a region: drafts are edited, one is active, activating a draft archives the
 * previous active one. The first read in a region without any methodology creates version 1 from
 * DEFAULT_METHODOLOGY as active (audited), so a region can classify from day one.
 */
import { and, desc, eq, max } from 'drizzle-orm';
import { methodologies } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record';
import { type Executor, getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { parseMethodology, type Methodology } from '../methodology';
import { createDraftSchema, updateDraftSchema, type CreateDraftInput, type UpdateDraftInput } from '../schemas';
import { authorizeMethodologyRead, authorizeMethodologyWrite, mayReadMethodologyOf } from './access';
import { auditScope, authorId, ensureActiveMethodology } from './store';
import type { MethodologyRow } from './types';

type Stored = typeof methodologies.$inferSelect;

function toMethodologyRow(row: Stored): MethodologyRow {
  return {
    id: row.id,
    regionId: row.regionId,
    name: row.name,
    versionNumber: row.versionNumber,
    status: row.status,
    params: row.params as Methodology,
    note: row.note,
    activatedAt: row.activatedAt,
    version: row.version,
    createdAt: row.createdAt,
  };
}

export async function listMethodologies(actor: Actor): Promise<MethodologyRow[]> {
  const regionId = authorizeMethodologyRead(actor);
  await inTransaction((tx) => ensureActiveMethodology(tx, actor, regionId));
  const rows = await getDb().select().from(methodologies).where(eq(methodologies.regionId, regionId)).orderBy(desc(methodologies.versionNumber));
  return rows.map(toMethodologyRow);
}

/** A methodology of the actor's region; not_found for any other. */
export async function findMethodology(executor: Executor, regionId: string, id: string): Promise<Stored> {
  const [row] = await executor.select().from(methodologies).where(and(eq(methodologies.id, id), eq(methodologies.regionId, regionId)));
  if (!row) throw new AppError('not_found', 'Методика не найдена.');
  return row;
}

/** A methodology the actor may read (see `mayReadMethodologyOf`); not_found for any other. */
export async function getMethodology(actor: Actor, id: string): Promise<MethodologyRow> {
  authorize(actor, 'classification.read');
  const [row] = isId(id) ? await getDb().select().from(methodologies).where(eq(methodologies.id, id)) : [];
  if (!row || !mayReadMethodologyOf(actor, row.regionId)) throw new AppError('not_found', 'Методика не найдена.');
  return toMethodologyRow(row);
}

export async function getActiveMethodology(actor: Actor): Promise<MethodologyRow> {
  const regionId = authorizeMethodologyRead(actor);
  return toMethodologyRow(await inTransaction((tx) => ensureActiveMethodology(tx, actor, regionId)));
}

export async function createDraftMethodology(actor: Actor, input: CreateDraftInput): Promise<MethodologyRow> {
  const regionId = authorizeMethodologyWrite(actor);
  const data = parseInput(createDraftSchema, input);
  return inTransaction(async (tx) => {
    const source = data.fromId ? await findMethodology(tx, regionId, data.fromId) : await ensureActiveMethodology(tx, actor, regionId);
    const [{ last } = { last: 0 }] = await tx.select({ last: max(methodologies.versionNumber) }).from(methodologies).where(eq(methodologies.regionId, regionId));
    const [created] = await tx
      .insert(methodologies)
      .values({ regionId, name: data.name, note: data.note ?? null, versionNumber: (last ?? 0) + 1, status: 'draft', params: source.params, createdBy: await authorId(tx, actor) })
      .returning();
    await recordAudit(tx, actor, { action: 'create', entityType: 'methodology', entityId: created!.id, scope: auditScope(regionId), after: created });
    return toMethodologyRow(created!);
  });
}

export async function updateDraftMethodology(actor: Actor, input: UpdateDraftInput): Promise<MethodologyRow> {
  const regionId = authorizeMethodologyWrite(actor);
  const data = parseInput(updateDraftSchema, input);
  const params = parseMethodology(data.params);
  return inTransaction(async (tx) => {
    const before = await findMethodology(tx, regionId, data.id);
    if (before.status !== 'draft') throw new AppError('conflict', 'Изменять можно только черновик методики; создайте новый черновик.');
    const after = await updateVersioned(tx, methodologies, before.id, data.version, { params, name: data.name ?? before.name, note: data.note === undefined ? before.note : data.note });
    await recordAudit(tx, actor, { action: 'update', entityType: 'methodology', entityId: after.id, scope: auditScope(regionId), before, after });
    return toMethodologyRow(after);
  });
}

export async function activateMethodology(actor: Actor, id: string, version: number): Promise<void> {
  const regionId = authorizeMethodologyWrite(actor);
  await inTransaction(async (tx) => {
    const draft = await findMethodology(tx, regionId, id);
    if (draft.status !== 'draft') throw new AppError('conflict', 'Активировать можно только черновик методики.');
    parseMethodology(draft.params);
    const now = new Date();
    const [previous] = await tx.select().from(methodologies).where(and(eq(methodologies.regionId, regionId), eq(methodologies.status, 'active')));
    if (previous) {
      await updateVersioned(tx, methodologies, previous.id, previous.version, { status: 'archived' });
      await recordAudit(tx, actor, { action: 'deactivate', entityType: 'methodology', entityId: previous.id, scope: auditScope(regionId), before: { status: 'active' }, after: { status: 'archived' } });
    }
    const after = await updateVersioned(tx, methodologies, draft.id, version, { status: 'active', activatedAt: now });
    await recordAudit(tx, actor, { action: 'activate', entityType: 'methodology', entityId: after.id, scope: auditScope(regionId), before: { status: 'draft' }, after: { status: 'active' } });
  });
}
