import { describe, expect, it } from 'vitest';
import { tableFile } from '@/lib/export';
import type { IndicatorCampaign } from '@/db/schema';
import { completenessOf, reportingRate } from './completeness';
import { lateFileName, lateSheet } from './export-rows';

const campaign = { title: 'Сбор 2026', year: 2026, quarter: 0, dueDate: '2026-03-31', status: 'open' } as IndicatorCampaign;
const today = '2026-04-10';
const row = (name: string, facts: Parameters<typeof completenessOf>[0]) => ({
  organisation: { name, shortName: null },
  valuesEntered: facts.valuesEntered,
  indicatorCount: 5,
  completeness: completenessOf(facts, campaign.dueDate, today),
  lastReminderAt: null,
});

describe('late list', () => {
  it('lists those who have not submitted, the longest late first, and leaves out the submitted', async () => {
    const rows = [
      row('Сдавший район', { approvalState: 'approved', submittedAt: new Date(2026, 2, 1), valuesEntered: 5 }),
      row('Возвращённый район', { approvalState: 'returned', submittedAt: new Date(2026, 2, 1), valuesEntered: 5 }),
      row('Молчащий район', { approvalState: null, submittedAt: null, valuesEntered: 0 }),
    ];
    const sheet = lateSheet({ campaign, askingName: 'Минобразования', rows, rate: reportingRate(rows.map((r) => r.completeness)) }, new Date(2026, 3, 10));
    expect(sheet.rows.map((r) => [r.organisation, r.status, r.late, r.daysLate])).toEqual([
      ['Возвращённый район', 'возвращено', 'да', 10],
      ['Молчащий район', 'просрочено', 'да', 10],
    ]);
    const csv = new TextDecoder().decode((await tableFile('csv', sheet, (ext) => lateFileName(campaign, ext))).bytes);
    expect(csv).toContain('Организация;Состояние;Срок прошёл');
    expect(csv).not.toContain('Сдавший район');
    expect(lateFileName(campaign, 'xlsx')).toBe('Не представили — Сбор 2026 2026.xlsx');
  });
});
