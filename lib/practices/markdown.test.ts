import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown';

describe('practice Markdown', () => {
  it('renders Markdown headings, lists and links', () => {
    const html = renderMarkdown('# Шаги\n\n1. **Наставники**\n2. [Положение](https://example.org/pol)');
    expect(html).toContain('<h3>Шаги</h3>');
    expect(html).toContain('<strong>Наставники</strong>');
    expect(html).toContain('href="https://example.org/pol"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it.each([
    ['<script>alert(1)</script>Текст', '<script'],
    ['<img src=x onerror="alert(1)">', 'onerror'],
    ['[ссылка](javascript:alert(1))', 'javascript:'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', 'javascript'],
    ['<iframe src="https://evil.example"></iframe>', '<iframe'],
    ['<p style="background:url(x)" onclick="alert(1)">x</p>', 'onclick'],
    ['[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', 'data:'],
    ['<svg onload=alert(1)>', '<svg'],
  ])('makes %s inert', (payload, forbidden) => {
    const html = renderMarkdown(payload).toLowerCase();
    expect(html).not.toContain(forbidden.toLowerCase());
    expect(html).not.toMatch(/\son\w+=/);
  });

  it('drops the text of scripts and keeps the text of other removed tags', () => {
    expect(renderMarkdown('<script>steal()</script>')).not.toContain('steal');
    expect(markdownToText('## Итог\n\nДоля **двоек** снизилась')).toBe('Итог Доля двоек снизилась');
  });
});
