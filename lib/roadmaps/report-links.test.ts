import { describe, expect, it } from 'vitest';
import { progressReportSchema, withScheme } from './schemas';

const report = (links: string) =>
  progressReportSchema.safeParse({ itemId: '6f1c7a52-8a51-4c7b-9d7e-0f1b2c3d4e5f', reportedOn: '2026-03-05', text: 'Проведён семинар', links, files: [] });

describe('progress report links', () => {
  it('accepts a link written without «https://» and stores it with the scheme', () => {
    const parsed = report('school.ru/otchet\nhttp://zarech-obr.ru/news/15\n www.example.org ');
    expect(parsed.success).toBe(true);
    expect(parsed.data?.links).toEqual(['https://school.ru/otchet', 'http://zarech-obr.ru/news/15', 'https://www.example.org']);
  });

  it('keeps a port without mistaking the host for a scheme', () => {
    expect(withScheme('school.ru:8080/doc')).toBe('https://school.ru:8080/doc');
  });

  it('still refuses what is not a web address, naming the field', () => {
    for (const bad of ['javascript:alert(1)', 'mailto:director@school.ru', 'отчёт', 'ftp://school.ru/x']) {
      const parsed = report(bad);
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message, bad).toMatch(/^Ссылка/);
    }
  });
});
