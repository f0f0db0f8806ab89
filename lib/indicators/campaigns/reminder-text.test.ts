import { describe, expect, it } from 'vitest';
import { reminderSubject, reminderText } from './reminder-text';

const facts = {
  campaignTitle: 'Показатели 2026',
  year: 2026,
  quarter: 0,
  dueDate: '2026-03-31',
  askingName: 'Минобразования',
  organisationId: 'org-1',
  organisationName: 'Берёзовский район',
  recipientName: 'Иван Петров',
  daysLate: 3,
  indicators: Array.from({ length: 22 }, (_, i) => ({ code: String(i + 1), name: `Показатель ${i + 1}` })),
  baseUrl: 'https://opora.example',
};

describe('reminder e-mail', () => {
  it('says in Russian what is late, since when, and links to the entry screen', () => {
    expect(reminderSubject(facts)).toBe('Напоминание: значения показателей за 2026 год ждали до 31.03.2026 — «Показатели 2026»');
    const text = reminderText(facts);
    expect(text).toContain('Здравствуйте, Иван Петров!');
    expect(text).toContain('Срок прошёл 3 дня назад.');
    expect(text).toContain('https://opora.example/indicators/entry?org=org-1&year=2026');
    expect(text).toContain('… и ещё 2');
    expect(text).not.toContain('Показатель 21');
  });
});
