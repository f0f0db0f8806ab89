import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { tableFile, type ExportedFile, type ExportFormat } from '@/lib/export';
import { getRoadmap } from './detail';
import { exportFileName, roadmapSheet } from './export-rows';

/** A road map as XLSX or CSV, as the actor may read it, overdue as of `today`. */
export async function exportRoadmap(actor: Actor, id: string, format: ExportFormat, today: Date = new Date()): Promise<ExportedFile> {
  const detail = await getRoadmap(actor, id, today);
  return tableFile(format, roadmapSheet(detail, today), (extension) => exportFileName(detail.roadmap.title, extension));
}
