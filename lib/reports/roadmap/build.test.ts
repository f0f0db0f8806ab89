import { describe, expect, it } from 'vitest';
import { reportTables } from '@/lib/reports/document/model';
import { buildExecutionReport, deviation, overdueDays, type ExecutionItem } from './build';

const item = (over: Partial<ExecutionItem>): ExecutionItem => ({
  section: 'Кадры', number: '1.1', activity: 'Семинар', deadline: 'до 01.03.2025', periodEnd: '2025-03-01', canBeOverdue: true, status: 'planned',
  responsible: 'УМЦ', plannedResult: '', reports: [], comments: [], ...over,
});

describe('road-map execution report', () => {
  it('counts overdue days only for open items that can be overdue', () => {
    expect(overdueDays(item({}), '2025-03-02')).toBe(1);
    expect(overdueDays(item({}), '2025-03-01')).toBe(0);
    expect(overdueDays(item({ status: 'done' }), '2025-06-01')).toBe(0);
    expect(overdueDays(item({ canBeOverdue: false }), '2025-06-01')).toBe(0);
    expect(overdueDays(item({ periodEnd: null }), '2025-06-01')).toBe(0);
  });

  it('words the deviation with the right plural and takes the reason from the latest report, else the review comment', () => {
    expect(deviation(item({ reports: [{ reportedOn: '2025-03-10', text: 'Нет лектора', author: 'А', evidence: [] }] }), '2025-03-02')).toEqual({ text: 'просрочено на 1 день', reason: 'Нет лектора' });
    expect(deviation(item({ comments: ['Куратор: перенести'] }), '2025-03-03')).toEqual({ text: 'просрочено на 2 дня', reason: 'Куратор: перенести' });
    expect(deviation(item({}), '2025-03-06')).toEqual({ text: 'просрочено на 5 дней', reason: 'причина не указана' });
    expect(deviation(item({ status: 'cancelled' }), '2025-03-06').text).toBe('отменено');
    expect(deviation(item({ status: 'done' }), '2025-03-06').text).toBe('выполнено без отчёта');
    expect(deviation(item({ status: 'in_progress', periodEnd: '2025-12-31' }), '2025-03-06')).toEqual({ text: '', reason: '' });
  });

  it('lists every item with its reports and evidence, and only the deviations in their own table', () => {
    const doc = buildExecutionReport({
      roadmap: { id: 'm', title: 'Карта', owner: 'Район', level: 'municipality', period: '2025–2026 годы', approvalDocument: 'Приказ № 1', status: 'approved' },
      onDate: '2025-06-01',
      items: [
        item({ status: 'done', reports: [{ reportedOn: '2025-02-20', text: 'Проведён', author: 'Иванова', evidence: ['https://example.org/protocol', 'файл «Протокол.pdf»'] }] }),
        item({ number: '1.2', activity: 'Наставничество' }),
      ],
    });
    const [summary, items, deviations] = reportTables(doc);
    expect(summary!.rows.find((r) => r.what === 'Просрочено')!.count).toBe(1);
    expect(items!.rows[0]).toMatchObject({ status: 'выполнено', report: '20.02.2025 — Иванова: Проведён', evidence: 'https://example.org/protocol\nфайл «Протокол.pdf»', deviation: '' });
    expect(items!.rows[1]).toMatchObject({ status: 'запланировано, просрочено', deviation: 'просрочено на 92 дня' });
    expect(deviations!.rows.map((r) => r.activity)).toEqual(['Наставничество']);
    expect(new Map(doc.parameters).get('Сроки оценены на')).toBe('01.06.2025');
  });
});
