import { AppError } from '@/lib/errors';
import { formatNumber } from '@/lib/format/ru';

/** What an upload may cost the server before it is parsed. */
export interface UploadLimits {
  /** Size of the uploaded file. */
  maxUploadBytes: number;
  /** Sum of the declared uncompressed sizes of all entries of an XLSX/DOCX archive. */
  maxUnzippedBytes: number;
  /** Number of entries in an XLSX/DOCX archive. */
  maxZipEntries: number;
  /** Uncompressed to compressed size of the whole archive; checked once it unpacks to more than 1 MiB. */
  maxCompressionRatio: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxUploadBytes: 10 * MIB,
  maxUnzippedBytes: 50 * MIB,
  maxZipEntries: 2000,
  maxCompressionRatio: 200,
};

export function resolveLimits(limits: Partial<UploadLimits> = {}): UploadLimits {
  return { ...DEFAULT_UPLOAD_LIMITS, ...limits };
}

/** «10 МБ», «0,5 МБ». */
export function formatMegabytes(bytes: number): string {
  return `${formatNumber(bytes / MIB, bytes % MIB === 0 ? 0 : 1)} МБ`;
}

export function assertUploadSize(size: number, limits: UploadLimits): void {
  if (size > limits.maxUploadBytes) {
    throw new AppError('payload_too_large', `Файл больше ${formatMegabytes(limits.maxUploadBytes)}`);
  }
}
