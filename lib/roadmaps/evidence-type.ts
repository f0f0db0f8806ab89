/**
 * Which evidence files a progress report accepts: PDF, DOCX, XLSX, JPEG, PNG and plain text, at most 10 MB. The
 * type is told by the extension AND confirmed by the content (magic bytes; for DOCX/XLSX the archive's parts;
 * for text the absence of binary bytes), so a renamed executable is refused. Pure.
 */
import { AppError } from '@/lib/errors';
import { isZip, readZipDirectory } from '@/lib/tabular/zip';
import { EVIDENCE_TOTAL_MAX_BYTES, evidenceTotalProblem } from './evidence-limits';

export { EVIDENCE_TOTAL_MAX_BYTES } from './evidence-limits';

/** Control characters (C0, DEL, C1), format characters (bidi overrides and isolates, zero-width marks), lone surrogates; line breaks and tabs become spaces first. */
const UNSAFE_NAME_CHARS = /[\p{Cc}\p{Cf}\p{Cs}]/gu;

/**
 * The name an uploaded file is stored and shown under: without control and bidi-format characters, so
 * `report\u202Egnp.pdf` cannot display as «reportfdp.png», spacing collapsed, at most 200 characters (extension
 * kept), «файл» when nothing is left. Pure.
 */
export function cleanFileName(name: string): string {
  const cleaned = name.normalize('NFC').replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ').replace(UNSAFE_NAME_CHARS, '').replace(/[\\/]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!cleaned || /^\.+$/.test(cleaned)) return 'файл';
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return `${cleaned.slice(0, 200 - extension.length).trimEnd()}${extension}`;
}

/** The files of one report: together at most EVIDENCE_TOTAL_MAX_BYTES, each checked; their clean names. */
export function checkEvidenceFiles<T extends { bytes: Uint8Array; filename: string }>(files: readonly T[]) {
  const message = evidenceTotalProblem(files.reduce((sum, file) => sum + file.bytes.length, 0));
  if (message) throw new AppError('payload_too_large', message, [{ field: 'files', message }]);
  return files.map((file) => {
    const filename = cleanFileName(file.filename);
    return { ...file, filename, ...checkEvidenceFile({ bytes: file.bytes, filename }) };
  });
}

export const EVIDENCE_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain; charset=utf-8',
} as const;

export type EvidenceExtension = keyof typeof EVIDENCE_TYPES;

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, index) => bytes[index] === byte);

function zipHas(bytes: Uint8Array, part: string): boolean {
  if (!isZip(bytes)) return false;
  try {
    return readZipDirectory(bytes, 'архив').some((entry) => entry.name === part);
  } catch {
    return false;
  }
}

const CONTENT_CHECKS: Record<EvidenceExtension, (bytes: Uint8Array) => boolean> = {
  pdf: (bytes) => startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]),
  docx: (bytes) => zipHas(bytes, 'word/document.xml'),
  xlsx: (bytes) => zipHas(bytes, 'xl/workbook.xml'),
  jpg: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]),
  jpeg: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]),
  png: (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  txt: (bytes) => !bytes.subarray(0, 64 * 1024).some((byte) => byte === 0 || (byte < 0x09 && byte !== 0x07)),
};

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The checked type of an evidence file, or a Russian error naming the file. */
export function checkEvidenceFile(file: { bytes: Uint8Array; filename: string }): { extension: EvidenceExtension; mimeType: string } {
  const name = file.filename || 'без имени';
  if (file.bytes.length === 0) throw new AppError('validation', `Файл «${name}» пустой.`, [{ field: 'files', message: `Файл «${name}» пустой.` }]);
  if (file.bytes.length > EVIDENCE_TOTAL_MAX_BYTES) {
    throw new AppError('payload_too_large', `Файл «${name}» больше 10 МБ.`, [{ field: 'files', message: `Файл «${name}» больше 10 МБ.` }]);
  }
  const extension = extensionOf(name);
  if (!(extension in EVIDENCE_TYPES)) {
    const message = `Файл «${name}»: допустимы PDF, DOCX, XLSX, JPG, PNG и TXT.`;
    throw new AppError('unsupported_media_type', message, [{ field: 'files', message }]);
  }
  const typed = extension as EvidenceExtension;
  if (!CONTENT_CHECKS[typed](file.bytes)) {
    const message = `Файл «${name}»: содержимое не соответствует расширению .${extension}.`;
    throw new AppError('unsupported_media_type', message, [{ field: 'files', message }]);
  }
  return { extension: typed, mimeType: EVIDENCE_TYPES[typed] };
}
