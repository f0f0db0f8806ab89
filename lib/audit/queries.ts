import 'server-only';
import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { scopeFilter } from '@/lib/auth/scope-filter';
import { getDb } from '@/lib/db/client';
import { diffSnapshots, type FieldChange } from './diff';

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
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes: diffSnapshots(row.before, row.after),
  }));
}

/** History panel of one entity. The caller has already checked that the actor may read the entity itself. */
export function entityHistory(actor: Actor, entityType: string, entityId: string): Promise<AuditRow[]> {
  return listAudit(actor, { entityType, entityId, limit: 100 });
}
