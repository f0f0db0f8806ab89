import { describe, expect, it } from 'vitest';
import { exportFileName } from './export-rows';

describe('export file names', () => {
  it('keeps the Russian title, without characters file systems refuse', () => {
    expect(exportFileName('План: 2021/2022 «УМЦ»', 'xlsx')).toBe('Дорожная карта — План 2021 2022 «УМЦ».xlsx');
    expect(exportFileName('   ', 'csv')).toBe('Дорожная карта — без названия.csv');
  });
});
