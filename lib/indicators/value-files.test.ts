import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { assertFilesTotal, checkValueFile } from './value-files';

const LABEL = 'Показатель 3, Школа № 1, 2024 год';

describe('evidence file of a value', () => {
  it('accepts what road-map evidence accepts, by content, under a cleaned name', () => {
    const result = checkValueFile({ bytes: new TextEncoder().encode('%PDF-1.7\n'), filename: 'акт\u202Eгдп.pdf', mimeType: 'application/pdf' }, LABEL);
    expect(result).toEqual({ file: { bytes: expect.any(Uint8Array), fileName: 'актгдп.pdf', mimeType: 'application/pdf' } });
  });

  it('names the cell in the Russian problem: wrong type, wrong content, empty', () => {
    expect(checkValueFile({ bytes: new Uint8Array([1]), filename: 'a.exe', mimeType: '' }, LABEL)).toEqual({ problem: `${LABEL}: Файл «a.exe»: допустимы PDF, DOCX, XLSX, JPG, PNG и TXT.` });
    expect(checkValueFile({ bytes: new Uint8Array([0x4d, 0x5a]), filename: 'a.png', mimeType: 'image/png' }, LABEL)).toEqual({ problem: `${LABEL}: Файл «a.png»: содержимое не соответствует расширению .png.` });
    expect(checkValueFile({ bytes: new Uint8Array(), filename: 'a.txt', mimeType: 'text/plain' }, LABEL)).toEqual({ problem: `${LABEL}: Файл «a.txt» пустой.` });
  });

  it('all files of one save together: at most 10 MB, else 413', () => {
    expect(() => assertFilesTotal([{ bytes: new Uint8Array(6 * 1024 * 1024) }, { bytes: new Uint8Array(4 * 1024 * 1024) }])).not.toThrow();
    let error: unknown;
    try {
      assertFilesTotal([{ bytes: new Uint8Array(6 * 1024 * 1024) }, { bytes: new Uint8Array(5 * 1024 * 1024) }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('payload_too_large');
  });
});
