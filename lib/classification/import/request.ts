import 'server-only';
import { z } from 'zod';
import { readImportUpload } from '@/lib/api/upload';
import { fieldSourceSchema } from '@/lib/schools/import/mapping';
import type { DataImportRequest } from '../queries';

/** The multipart form of the assessment and context import endpoints (same shape as `/api/v1/schools/import`). */
export function dataImportRequest(request: Request): Promise<DataImportRequest> {
  return readImportUpload(request, z.record(z.string(), fieldSourceSchema));
}
