import 'server-only';
import { eq } from 'drizzle-orm';
import { roadmapEvidence, roadmapProgressReports } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { authorIdOf, itemFor, roadmapFor, roadmapScope } from './access';
import { readStoredEvidence, removeStoredEvidence, storeEvidence } from './evidence-store';
import { checkEvidenceFile } from './evidence-type';
import { progressReportSchema, type ProgressReportInput } from './schemas';
import type { ExportedFile } from './views';

/**
 * A progress report on an item with its evidence (links and files). Files are checked before anything is
 * written; if the transaction fails, the files already written are removed again. Returns the report id.
 */
export async function addProgressReport(actor: Actor, input: ProgressReportInput): Promise<string> {
  const values = parseInput(progressReportSchema, input);
  const files = values.files.map((file) => ({ ...file, ...checkEvidenceFile(file) }));
  const written: string[] = [];
  try {
    return await inTransaction(async (tx) => {
      const { item, roadmap } = await itemFor(tx, actor, 'roadmap.write', values.itemId);
      const [report] = await tx
        .insert(roadmapProgressReports)
        .values({
          roadmapId: roadmap.id,
          itemId: item.id,
          reportedOn: values.reportedOn,
          text: values.text,
          authorId: await authorIdOf(tx, actor),
          authorName: actor.name,
        })
        .returning();
      if (!report) throw new AppError('internal');
      const evidence = [
        ...values.links.map((url) => ({ reportId: report.id, kind: 'link' as const, url })),
        ...(await Promise.all(
          files.map(async (file) => {
            const storedName = await storeEvidence(file.bytes);
            written.push(storedName);
            return { reportId: report.id, kind: 'file' as const, fileName: file.filename, storedName, mimeType: file.mimeType, sizeBytes: file.bytes.length };
          }),
        )),
      ];
      if (evidence.length > 0) await tx.insert(roadmapEvidence).values(evidence);
      await recordAudit(tx, actor, {
        action: 'create',
        entityType: 'roadmap_item',
        entityId: item.id,
        scope: roadmapScope(roadmap),
        after: { progressReport: { reportedOn: values.reportedOn, text: values.text, links: values.links, files: files.map((file) => file.filename) } },
      });
      return report.id;
    });
  } catch (error) {
    await removeStoredEvidence(written);
    throw error;
  }
}

/** An evidence file for download, if the actor may read its road map. */
export async function readEvidenceFile(actor: Actor, evidenceId: string): Promise<ExportedFile> {
  if (!/^[0-9a-f-]{36}$/i.test(evidenceId)) throw new AppError('not_found', 'Файл не найден.');
  const db = getDb();
  const [row] = await db
    .select({ evidence: roadmapEvidence, roadmapId: roadmapProgressReports.roadmapId })
    .from(roadmapEvidence)
    .innerJoin(roadmapProgressReports, eq(roadmapProgressReports.id, roadmapEvidence.reportId))
    .where(eq(roadmapEvidence.id, evidenceId))
    .limit(1);
  if (!row || row.evidence.kind !== 'file' || !row.evidence.storedName) throw new AppError('not_found', 'Файл не найден.');
  await roadmapFor(db, actor, 'roadmap.read', row.roadmapId);
  return {
    bytes: await readStoredEvidence(row.evidence.storedName),
    fileName: row.evidence.fileName ?? 'файл',
    mimeType: row.evidence.mimeType ?? 'application/octet-stream',
  };
}
