import { describe, expect, it } from 'vitest';
import { wantsSecureCookies } from '@/lib/auth/options';

describe('session cookies', () => {
  it('are Secure over HTTPS and in production, except on this machine over plain HTTP', () => {
    expect(wantsSecureCookies('https://opora.example.ru', 'production')).toBe(true);
    expect(wantsSecureCookies('https://opora.example.ru', 'development')).toBe(true);
    expect(wantsSecureCookies('http://opora.example.ru', 'production')).toBe(true);
    expect(wantsSecureCookies('', 'production')).toBe(true);
    expect(wantsSecureCookies('http://localhost:3000', 'production')).toBe(false);
    expect(wantsSecureCookies('http://127.0.0.1:3000/', 'production')).toBe(false);
    expect(wantsSecureCookies('http://localhost.evil.ru', 'production')).toBe(true);
    expect(wantsSecureCookies('http://localhost:3000', 'development')).toBe(false);
  });
});
