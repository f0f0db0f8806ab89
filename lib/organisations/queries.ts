import 'server-only';
import { and, eq, ilike, or, type SQL } from 'drizzle-orm';
import { type NewOrganisation, type Organisation, organisations } from '@/db/schema';
import type { OrganisationKind } from '@/db/schema/organisations';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { scopeFilter } from '@/lib/auth/scope-filter';
import { getDb, type Executor } from '@/lib/db/client';
import { ruOrder } from '@/lib/db/collation';
import { inTransaction } from '@/lib/db/transaction';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError } from '@/lib/errors';
import type { CreateOrganisationInput, UpdateOrganisationInput } from './schemas';
import { organisationScope, organisationSnapshot } from './scope';

const READ_COLUMNS = {
  regionId: organisations.regionId,
  municipalityId: organisations.municipalityId,
  schoolId: organisations.id,
  ownerOrganisationId: organisations.id,
};

export interface OrganisationFilter {
  kind?: OrganisationKind;
  municipalityId?: string;
  q?: string;
  includeInactive?: boolean;
}

/** Organisations the actor may read, sorted by name the Russian way. */
export async function listOrganisations(actor: Actor, filter: OrganisationFilter = {}): Promise<Organisation[]> {
  authorize(actor, 'organisation.read');
  const q = filter.q?.trim();
  const conditions: (SQL | undefined)[] = [
    scopeFilter(actor, 'organisation.read', READ_COLUMNS),
    filter.kind ? eq(organisations.kind, filter.kind) : undefined,
    filter.municipalityId ? eq(organisations.municipalityId, filter.municipalityId) : undefined,
    filter.includeInactive ? undefined : eq(organisations.isActive, true),
    q ? or(ilike(organisations.name, `%${q}%`), ilike(organisations.shortName, `%${q}%`), eq(organisations.ogrn, q)) : undefined,
  ];
  return getDb()
    .select()
    .from(organisations)
    .where(and(...conditions))
    .orderBy(ruOrder(organisations.name));
}

export async function getOrganisation(actor: Actor, id: string): Promise<Organisation> {
  const org = await findOrganisation(getDb(), id);
  authorize(actor, 'organisation.read', organisationScope(org));
  return org;
}

export async function createOrganisation(actor: Actor, input: CreateOrganisationInput): Promise<Organisation> {
  return inTransaction(async (tx) => {
    const id = crypto.randomUUID();
    const placement = await placementUnder(tx, input.kind, input.parentId, id);
    const scope = organisationScope({ id, kind: input.kind, ...placement });
    authorize(actor, 'organisation.write', { ...scope, ownerOrganisationId: null });
    const [created] = await tx
      .insert(organisations)
      .values({ id, ...input, ...placement })
      .returning();
    if (!created) throw new AppError('internal');
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'organisation',
      entityId: id,
      scope,
      after: organisationSnapshot(created),
    });
    return created;
  });
}

export async function updateOrganisation(actor: Actor, input: UpdateOrganisationInput): Promise<Organisation> {
  const { id, version, ...changes } = input;
  return writeOrganisation(actor, id, version, 'update', (before) => {
    if (before.kind === 'school' && changes.ogrn === null) {
      throw new AppError('validation', 'ОГРН обязателен для школы', [{ field: 'ogrn', message: 'ОГРН обязателен для школы' }]);
    }
    return changes;
  });
}

/** Deactivation is the soft delete: the record stays for history and links, and leaves lists and public pages. */
export function setOrganisationActive(actor: Actor, id: string, active: boolean, version: number): Promise<Organisation> {
  return writeOrganisation(actor, id, version, active ? 'activate' : 'deactivate', () => ({ isActive: active }));
}

/** The one write path of an existing organisation: lock, permission, version check, update, audit — one transaction. */
async function writeOrganisation(
  actor: Actor,
  id: string,
  version: number,
  action: 'update' | 'activate' | 'deactivate',
  change: (before: Organisation) => Partial<NewOrganisation>,
): Promise<Organisation> {
  return inTransaction(async (tx) => {
    const before = await findOrganisation(tx, id, true);
    authorize(actor, 'organisation.write', organisationScope(before));
    if (before.version !== version) throw new AppError('conflict');
    const after = await updateVersioned(tx, organisations, id, version, change(before));
    await recordAudit(tx, actor, {
      action,
      entityType: 'organisation',
      entityId: id,
      scope: organisationScope(after),
      before: organisationSnapshot(before),
      after: organisationSnapshot(after),
    });
    return after;
  });
}

export async function findOrganisation(executor: Executor, id: string, forUpdate = false): Promise<Organisation> {
  const query = executor.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  const [org] = forUpdate ? await query.for('update') : await query;
  if (!org) throw new AppError('not_found', 'Организация не найдена.');
  return org;
}

/** Where a new organisation sits: its parent and the region / municipality scope derived from it. */
async function placementUnder(tx: Executor, kind: OrganisationKind, parentId: string | null, id: string) {
  if (kind === 'region') return { parentId: null, regionId: id, municipalityId: null };
  if (!parentId) throw new AppError('validation', 'Выберите вышестоящую организацию', [{ field: 'parentId', message: 'Выберите вышестоящую организацию' }]);
  const parent = await findOrganisation(tx, parentId);
  const wrongParent = (message: string) => new AppError('validation', message, [{ field: 'parentId', message }]);
  if (kind === 'municipality') {
    if (parent.kind !== 'region') throw wrongParent('Муниципалитет создаётся внутри региона');
    return { parentId, regionId: parent.id, municipalityId: id };
  }
  if (kind === 'school') {
    if (parent.kind !== 'municipality') throw wrongParent('Школа создаётся внутри муниципалитета');
    return { parentId, regionId: parent.regionId, municipalityId: parent.id };
  }
  if (parent.kind !== 'region' && parent.kind !== 'municipality') {
    throw wrongParent('Организация создаётся внутри региона или муниципалитета');
  }
  return { parentId, regionId: parent.regionId, municipalityId: parent.kind === 'municipality' ? parent.id : null };
}
