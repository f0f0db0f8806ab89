import 'server-only';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { roadmapEvidence, roadmapEvidenceFiles, roadmapProgressReports } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { storedFileStream } from '@/lib/db/stored-file';
import { inTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { isId } from '@/lib/ids';
import { parseInput } from '@/lib/validation';
import { authorIdOf, itemFor, roadmapFor, roadmapScope } from './access';
import { checkEvidenceFiles, cleanFileName } from './evidence-type';
import { progressReportSchema, type ProgressReportInput } from './schemas';
import type { StreamedFile } from '@/lib/export';

/**
 * A progress report on an item with its evidence (links and files). Files are checked before anything is written;
 * their bytes go into `roadmap_evidence_files` in the same transaction as their rows, so a failure or a crash
 * leaves neither. Returns the report id.
 */
export async function addProgressReport(actor: Actor, input: ProgressReportInput): Promise<string> {
  const values = parseInput(progressReportSchema, input);
  const files = checkEvidenceFiles(values.files);
  return inTransaction(async (tx) => {
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
    if (values.links.length > 0) await tx.insert(roadmapEvidence).values(values.links.map((url) => ({ reportId: report.id, kind: 'link' as const, url })));
    for (const file of files) {
      const id = randomUUID();
      await tx.insert(roadmapEvidence).values({ id, reportId: report.id, kind: 'file', fileName: file.filename, mimeType: file.mimeType, sizeBytes: file.bytes.length });
      await tx.insert(roadmapEvidenceFiles).values({ evidenceId: id, bytes: file.bytes });
    }
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'roadmap_item',
      entityId: item.id,
      scope: roadmapScope(roadmap),
      after: { progressReport: { reportedOn: values.reportedOn, text: values.text, links: values.links, files: files.map((file) => file.filename) } },
    });
    return report.id;
  });
}

/** An evidence file for download, if the actor may read its road map: its bytes are streamed out in slices. */
export async function openEvidenceFile(actor: Actor, evidenceId: string): Promise<StreamedFile> {
  if (!isId(evidenceId)) throw new AppError('not_found', 'Файл не найден.');
  const db = getDb();
  const [row] = await db
    .select({ evidence: roadmapEvidence, roadmapId: roadmapProgressReports.roadmapId, size: sql<number | null>`octet_length(${roadmapEvidenceFiles.bytes})` })
    .from(roadmapEvidence)
    .innerJoin(roadmapProgressReports, eq(roadmapProgressReports.id, roadmapEvidence.reportId))
    .leftJoin(roadmapEvidenceFiles, eq(roadmapEvidenceFiles.evidenceId, roadmapEvidence.id))
    .where(eq(roadmapEvidence.id, evidenceId))
    .limit(1);
  if (!row || row.evidence.kind !== 'file') throw new AppError('not_found', 'Файл не найден.');
  await roadmapFor(db, actor, 'roadmap.read', row.roadmapId);
  if (row.size === null) throw new AppError('not_found', 'Файл не найден в хранилище.');
  const size = Number(row.size);
  const stream = storedFileStream(db, roadmapEvidenceFiles, roadmapEvidenceFiles.bytes, eq(roadmapEvidenceFiles.evidenceId, evidenceId), size);
  return { stream, size, fileName: cleanFileName(row.evidence.fileName ?? 'файл'), mimeType: row.evidence.mimeType ?? 'application/octet-stream' };
}
