import { describe, expect, it } from 'vitest';
import { tableFile } from '@/lib/export';
import { scorecardExportRows, scorecardSheet, scorecardTitle } from './scorecard-export';
import type { WarningResult } from './warning';

const indicators = [
  { id: 'a', code: '3', name: 'Доля ШНОР с программой максимум', unit: 'percent' as const },
  { id: 'b', code: '12', name: 'Доля ШНОР в сообществах', unit: 'percent' as const },
];
const warning: WarningResult = { kind: 'activities_done_not_moving', activitiesDone: true, doneItems: 4, totalItems: 5, doneShare: 0.8, expectedProgress: 0.5, actualProgress: 0.1, message: 'Мероприятия выполняются, а показатель не меняется: …' } as WarningResult;

describe('scorecard export rows', () => {
  it('statuses in words, targets and baselines with their years, notes for outliers and warnings; no data stays empty', () => {
    const rows = scorecardExportRows(indicators, [
      { indicatorId: 'a', place: 'Берёзовский район', value: 15.456, target: { year: 2022, value: 25 }, baseline: { year: 2020, value: 5 }, status: 'behind', outlier: 'изменение за год +12 больше 10', warning: null },
      { indicatorId: 'b', place: 'Берёзовский район', value: null, target: null, baseline: null, status: 'no_data', outlier: null, warning },
    ]);
    expect(rows).toEqual([
      { code: '3', name: 'Доля ШНОР с программой максимум', unit: 'процент', place: 'Берёзовский район', value: 15.46, target: 25, targetYear: 2022, baseline: 5, baselineYear: 2020, status: 'отстаёт', note: 'Проверьте: изменение за год +12 больше 10' },
      { code: '12', name: 'Доля ШНОР в сообществах', unit: 'процент', place: 'Берёзовский район', value: '', target: '', targetYear: '', baseline: '', baselineYear: '', status: 'нет данных', note: 'Мероприятия выполняются, а показатель не меняется: …' },
    ]);
  });

  it('a CSV starts with the title block: period, organisation, as-of date', async () => {
    const rows = scorecardExportRows(indicators, [{ indicatorId: 'a', place: 'Берёзовский район', value: 25, target: { year: 2022, value: 25 }, baseline: null, status: 'achieved', outlier: null, warning: null }]);
    const sheet = scorecardSheet(rows, 'Муниципалитет', scorecardTitle('2022 год', 'муниципалитеты региона', new Date('2026-12-05T10:00:00Z')));
    const csv = new TextDecoder().decode((await tableFile('csv', sheet, (e) => `x.${e}`, { csvTitle: true })).bytes).replace(/^\uFEFF/, '');
    const lines = csv.split(/\r?\n/);
    expect(lines.slice(0, 6)).toEqual([
      'Достижение показателей',
      'Период;2022 год',
      'Организация;муниципалитеты региона',
      'Данные на;05.12.2026',
      '',
      '№;Показатель;Единица;Муниципалитет;Значение;Цель;Год цели;Базовое значение;Год базового;Статус;Замечания',
    ]);
    expect(lines[6]).toBe('3;Доля ШНОР с программой максимум;процент;Берёзовский район;25;25;2022;;;достигнуто;');
    // Without the option the CSV is the table alone, as every other export.
    const plain = new TextDecoder().decode((await tableFile('csv', sheet, (e) => `x.${e}`)).bytes).replace(/^\uFEFF/, '');
    expect(plain.split(/\r?\n/)[0]).toBe('№;Показатель;Единица;Муниципалитет;Значение;Цель;Год цели;Базовое значение;Год базового;Статус;Замечания');
  });
});
