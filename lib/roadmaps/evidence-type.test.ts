import { describe, expect, it } from 'vitest';
import { buildDocx } from '@/lib/tabular/test-support';
import fc from 'fast-check';
import { EVIDENCE_REQUEST_LIMIT, EVIDENCE_REQUEST_MAX_BYTES } from './evidence-limits';
import { checkEvidenceFile, checkEvidenceFiles, cleanFileName, EVIDENCE_TOTAL_MAX_BYTES } from './evidence-type';

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
    expect(code(() => checkEvidenceFile({ bytes: new Uint8Array(EVIDENCE_TOTAL_MAX_BYTES + 1), filename: 'большой.txt' }))).toBe('payload_too_large');
  });
});

describe('cleanFileName', () => {
  it('drops bidi overrides and isolates, so a name cannot display as another type', () => {
    expect(cleanFileName('report\u202Egnp.pdf')).toBe('reportgnp.pdf');
    expect(cleanFileName('\u2067фото\u2069\u200F.png')).toBe('фото.png');
    expect(cleanFileName('a\u061Cb\u200Ec\u202Ad.txt')).toBe('abcd.txt');
  });

  it('drops control characters, turns line breaks and tabs into spaces, and never leaves an empty name', () => {
    expect(cleanFileName('акт\u0000\u0007\r\n№\u00851.pdf')).toBe('акт № 1.pdf');
    expect(cleanFileName('\u0001\u0002')).toBe('файл');
    expect(cleanFileName(' .. ')).toBe('файл');
    expect(cleanFileName('папка/../..\\имя.pdf')).toBe('папка .. .. имя.pdf');
    expect(cleanFileName('x\uD800y.pdf')).toBe('xy.pdf');
  });

  it('keeps Russian names, composes them (NFC) and cuts long ones keeping the extension', () => {
    expect(cleanFileName('Протокол заседания № 3.docx')).toBe('Протокол заседания № 3.docx');
    expect(cleanFileName('и\u0306.txt')).toBe('й.txt');
    const long = cleanFileName(`${'я'.repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('я.pdf')).toBe(true);
  });

  it('leaves no control, format or surrogate character in any name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        const cleaned = cleanFileName(name);
        expect(cleaned.length).toBeGreaterThan(0);
        expect(cleaned.length).toBeLessThanOrEqual(200);
        expect(/[\p{Cc}\p{Cf}\p{Cs}]/u.test(cleaned)).toBe(false);
        expect(() => encodeURIComponent(cleaned)).not.toThrow();
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});

describe('checkEvidenceFiles', () => {
  it('refuses files that together exceed the limit with a Russian 413, and checks each under its clean name', () => {
    const big = new Uint8Array(6 * 1024 * 1024).fill(0x41);
    expect(code(() => checkEvidenceFiles([{ bytes: big, filename: 'а.txt' }, { bytes: big, filename: 'б.txt' }]))).toBe('payload_too_large');
    const [file] = checkEvidenceFiles([{ bytes: bytes(0x25, 0x50, 0x44, 0x46, 0x2d), filename: 'report\u202Egnp.pdf' }]);
    expect(file).toMatchObject({ filename: 'reportgnp.pdf', extension: 'pdf' });
    expect(code(() => checkEvidenceFiles([{ bytes: bytes(0x25, 0x50, 0x44, 0x46, 0x2d), filename: 'photo\u202Efdp.png' }]))).toBe('unsupported_media_type');
  });
});

describe('one evidence body limit', () => {
  it('the proxy buffer and the server actions allow the same request size, the one the form and proxy use', async () => {
    const { createRequire } = await import('node:module');
    const config = createRequire(import.meta.url)('../../next.config.js') as { experimental: { proxyClientMaxBodySize: string; serverActions: { bodySizeLimit: string } } };
    expect(config.experimental.proxyClientMaxBodySize).toBe(EVIDENCE_REQUEST_LIMIT);
    expect(config.experimental.serverActions.bodySizeLimit).toBe(EVIDENCE_REQUEST_LIMIT);
    expect(EVIDENCE_REQUEST_MAX_BYTES).toBe(Number.parseInt(EVIDENCE_REQUEST_LIMIT, 10) * 1024 * 1024);
    // Room for the report's text and the multipart framing above the files' own limit.
    expect(EVIDENCE_REQUEST_MAX_BYTES - EVIDENCE_TOTAL_MAX_BYTES).toBeGreaterThanOrEqual(1024 * 1024);
  });
});
