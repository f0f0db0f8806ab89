import { auditLog } from '@/db/schema';
import type { Actor, ResourceScope } from '@/lib/auth/actor';
import type { Executor } from '@/lib/db/client';

export type AuditAction = 'create' | 'update' | 'delete' | 'deactivate' | 'activate' | 'import' | 'login' | 'unlock' | 'download';

export interface AuditInput {
  action: AuditAction;
  entityType: string;
  entityId: string;
  scope: ResourceScope;
  before?: unknown;
  after?: unknown;
}

/** Writes one journal entry. Call it with the transaction of the write it describes. */
export function recordAudit(tx: Executor, actor: Actor | null, input: AuditInput): Promise<void> {
  return recordAudits(tx, actor, [input]);
}

const BATCH = 500;

/** Journal entries of a bulk write (an import), inserted a few hundred at a time, in the caller's transaction. */
export async function recordAudits(tx: Executor, actor: Actor | null, inputs: readonly AuditInput[]): Promise<void> {
  const rows = inputs.map((input) => ({
    actorId: actor?.id ?? null,
    actorName: actor?.name ?? 'Система',
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    regionId: input.scope.regionId,
    municipalityId: input.scope.municipalityId,
    schoolId: input.scope.schoolId,
    before: toJson(input.before),
    after: toJson(input.after),
  }));
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(auditLog).values(rows.slice(i, i + BATCH));
}

/** Dates and other values become plain JSON; secrets never reach the journal. */
function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => (key === 'passwordHash' || key === 'password' ? '***' : v)),
  );
}
