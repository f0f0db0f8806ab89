import { describe, expect, it } from 'vitest';
import { asciiFileName, contentDisposition, fileResponse, safeFileName } from './file';

describe('file downloads', () => {
  it('encodes the name per RFC 5987 with an ASCII fallback', () => {
    const header = contentDisposition("Карта (1) it's.csv");
    expect(header).toBe(`attachment; filename="Karta (1) it's.csv"; filename*=UTF-8''%D0%9A%D0%B0%D1%80%D1%82%D0%B0%20%281%29%20it%27s.csv`);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe("Карта (1) it's.csv");
  });

  it('sends the bytes with the RFC 5987 file name and no sniffing', async () => {
    const response = fileResponse({ bytes: new Uint8Array([1, 2]), fileName: 'Отчёт.csv', mimeType: 'text/csv' });
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Otchyot.csv"; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82.csv`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2]));
  });

  it('drops characters file systems refuse', () => {
    expect(safeFileName('План: 2021/2022 «УМЦ»', 120)).toBe('План 2021 2022 «УМЦ»');
    expect(safeFileName('а'.repeat(10), 3)).toBe('ааа');
  });

  it('cuts a long name at the end of a word and marks the cut', () => {
    const name = safeFileName('Дорожная карта проекта повышения качества образования в школах Берёзовского района', 40);
    expect(name).toBe('Дорожная карта проекта повышения…');
    expect(name.length).toBeLessThanOrEqual(41);
  });

  it('gives a transliterated ASCII fallback, readable without RFC 5987', () => {
    expect(asciiFileName('Дорожная карта — МКОУ «СОШ № 3».xlsx')).toBe('Dorozhnaya karta - MKOU SOSh N 3.xlsx');
    expect(asciiFileName('Отчёт "итог".csv')).toMatch(/^[\x20-\x7e]+$/);
    expect(asciiFileName('Дорожная карта проекта повышения….xlsx')).toBe('Dorozhnaya karta proekta povysheniya....xlsx');
  });
});
