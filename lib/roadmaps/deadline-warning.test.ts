import { describe, expect, it } from 'vitest';
import { deadlineWarning, normaliseDeadline } from './deadline';
import { impossibleDates } from './deadline-tokens';
import { importResult, planImport } from './import-plan';
import { parsePastedText } from './table/paste';
import { parseRoadmapTable } from './table/parse';

describe('impossible deadline dates', () => {
  it('finds dates the calendar does not have, with their year', () => {
    expect(impossibleDates('31.13.2027')).toEqual(['31.13.2027']);
    expect(impossibleDates('до 30.02.2026 г.')).toEqual(['30.02.2026']);
    expect(impossibleDates('29.02.2023')).toEqual(['29.02.2023']);
    expect(impossibleDates('с 01.00.27 по 15.04.2027')).toEqual(['01.00.27']);
    expect(impossibleDates('32.01 2027')).toEqual(['32.01 2027']);
  });

  it('leaves real dates and other numbers alone', () => {
    for (const text of ['29.02.2024', '31.12.2021.', '01.03–15.04.2021', 'До 01.04.2021', '2 квартал 2022года', '1.10', 'ноябрь- март 2022г.', '']) {
      expect(impossibleDates(text), text).toEqual([]);
      expect(deadlineWarning(text), text).toBeNull();
    }
  });

  it('words the warning with the deadline as written', () => {
    expect(deadlineWarning('31.13.2027')).toBe('Срок «31.13.2027»: даты «31.13.2027» нет в календаре. Исправьте срок в таблице или задайте период вручную после импорта.');
    // Without the warning the item would silently get no period.
    expect(normaliseDeadline('31.13.2027', { startYear: 2026, endYear: 2027 }).start).toBeNull();
  });
});

describe('road-map import preview', () => {
  it('warns about an impossible deadline, naming the row and the deadline column', () => {
    const table = ['№\tМероприятие\tСрок\tОтветственные', '1\tСовещание\t31.13.2027\tУО', '2\tСеминар\t15.03.2027\tУМЦ'].join('\n');
    const parsed = parseRoadmapTable(parsePastedText(table));
    const result = importResult(parsed, planImport(parsed, { startYear: 2026, endYear: 2027 }, [], []), false);
    expect(result.warnings).toEqual([{ row: 2, column: 'Срок', message: expect.stringContaining('даты «31.13.2027» нет в календаре') }]);
    expect(result.counts.create).toBe(2);
  });
});
