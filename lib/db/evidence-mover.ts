// No 'server-only' here: the migration step runs under tsx (npm run db:migrate, npm start, the test setup).
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { dataDir } from './config';

const STORED_NAME_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface MoveReport {
  moved: number;
  /** Evidence rows whose file was not found in the uploads folder (their download answers «не найден»). */
  missing: string[];
}

/**
 * Moves evidence files uploaded before migration 0004 from `<OPORA_DATA_DIR>/uploads/<stored_name>` into
 * `roadmap_evidence_files`, one file per transaction; the disk copy is removed only after its commit, so an
 * interrupted run is simply resumed by the next one. Runs after the migrations, under the migration lock.
 */
export async function moveEvidenceFilesToDatabase(client: pg.PoolClient | pg.Client, uploads = path.join(dataDir(), 'uploads')): Promise<MoveReport> {
  const { rows } = await client.query<{ id: string; stored_name: string }>(
    `SELECT e.id, e.stored_name FROM roadmap_evidence e
      WHERE e.kind = 'file' AND e.stored_name IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM roadmap_evidence_files f WHERE f.evidence_id = e.id)`,
  );
  const report: MoveReport = { moved: 0, missing: [] };
  for (const row of rows) {
    if (!STORED_NAME_RE.test(row.stored_name)) {
      report.missing.push(row.id);
      continue;
    }
    const file = path.join(uploads, row.stored_name);
    const bytes = await readFile(file).catch(() => null);
    if (!bytes) {
      report.missing.push(row.id);
      continue;
    }
    await client.query('INSERT INTO roadmap_evidence_files (evidence_id, bytes) VALUES ($1, $2) ON CONFLICT DO NOTHING', [row.id, bytes]);
    await rm(file, { force: true });
    report.moved += 1;
  }
  return report;
}
