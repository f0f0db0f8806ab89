import { describe, expect, it } from 'vitest';
import { contentDisposition, exportFileName } from './export-rows';

describe('export file names', () => {
  it('keeps the Russian title, without characters file systems refuse', () => {
    expect(exportFileName('План: 2021/2022 «УМЦ»', 'xlsx')).toBe('Дорожная карта — План 2021 2022 «УМЦ».xlsx');
    expect(exportFileName('   ', 'csv')).toBe('Дорожная карта — без названия.csv');
  });

  it('encodes the name per RFC 5987 with an ASCII fallback', () => {
    const header = contentDisposition("Карта (1) it's.csv");
    expect(header).toBe(`attachment; filename="_____ (1) it's.csv"; filename*=UTF-8''%D0%9A%D0%B0%D1%80%D1%82%D0%B0%20%281%29%20it%27s.csv`);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe("Карта (1) it's.csv");
  });
});
