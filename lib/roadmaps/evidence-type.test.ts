import { describe, expect, it } from 'vitest';
import { buildDocx } from '@/lib/tabular/test-support';
import { checkEvidenceFile, EVIDENCE_MAX_BYTES } from './evidence-type';

const bytes = (...values: number[]) => new Uint8Array(values);
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('checkEvidenceFile', () => {
  it('accepts each allowed type when the content matches the extension', async () => {
    expect(checkEvidenceFile({ bytes: bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31), filename: 'Акт.PDF' }).mimeType).toBe('application/pdf');
    expect(checkEvidenceFile({ bytes: bytes(0xff, 0xd8, 0xff, 0xe0), filename: 'фото.jpeg' }).mimeType).toBe('image/jpeg');
    expect(checkEvidenceFile({ bytes: new TextEncoder().encode('Протокол'), filename: 'протокол.txt' }).extension).toBe('txt');
    expect(checkEvidenceFile({ bytes: await buildDocx('<w:p/>'), filename: 'справка.docx' }).extension).toBe('docx');
  });

  it('refuses disguised, unknown, empty and oversized files', async () => {
    const docx = await buildDocx('<w:p/>');
    expect(code(() => checkEvidenceFile({ bytes: docx, filename: 'таблица.xlsx' }))).toBe('unsupported_media_type');
    expect(code(() => checkEvidenceFile({ bytes: bytes(0x4d, 0x5a), filename: 'вирус.pdf' }))).toBe('unsupported_media_type');
    expect(code(() => checkEvidenceFile({ bytes: bytes(0x25, 0x50), filename: 'скрипт.js' }))).toBe('unsupported_media_type');
    expect(code(() => checkEvidenceFile({ bytes: bytes(0, 1, 2), filename: 'бинарный.txt' }))).toBe('unsupported_media_type');
    expect(code(() => checkEvidenceFile({ bytes: bytes(), filename: 'пусто.txt' }))).toBe('validation');
    expect(code(() => checkEvidenceFile({ bytes: new Uint8Array(EVIDENCE_MAX_BYTES + 1), filename: 'большой.txt' }))).toBe('payload_too_large');
  });
});
