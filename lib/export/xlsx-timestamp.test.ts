import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildXlsx, type XlsxSheet } from './xlsx';

const sheets: XlsxSheet[] = [{ name: 'Лист', columns: [{ header: 'Школа', key: 'name' }, { header: 'Число', key: 'n', type: 'number' }], rows: [{ name: 'СОШ № 1', n: 3 }] }];

async function at(moment: string, timestamp?: Date): Promise<Uint8Array> {
  vi.setSystemTime(new Date(moment));
  return buildXlsx(sheets, timestamp ? { timestamp } : {});
}

describe('buildXlsx with a timestamp', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the same bytes whenever it is written, and the workbook is dated by the timestamp', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const asOf = new Date('2025-12-31T00:00:00Z');
    const first = await at('2026-01-10T09:00:00Z', asOf);
    const second = await at('2026-06-01T17:30:00Z', asOf);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(first.slice().buffer);
    expect(workbook.created.toISOString()).toBe(asOf.toISOString());
    expect(workbook.getWorksheet('Лист')!.getCell('A2').value).toBe('СОШ № 1');
  });

  it('without one, the bytes follow the clock (which is why reports pass their as-of date)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const first = await at('2026-01-10T09:00:00Z');
    const second = await at('2026-06-01T17:30:00Z');
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(false);
  });
});
