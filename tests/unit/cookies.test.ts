import { describe, expect, it } from 'vitest';
import { clientAddress, wantsSecureCookies } from '@/lib/auth/options';

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

  it('takes the client address from the first X-Forwarded-For entry', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.5, 10.0.0.1' }))).toBe('203.0.113.5');
    expect(clientAddress({ 'x-real-ip': '198.51.100.7' })).toBe('198.51.100.7');
    expect(clientAddress(undefined)).toBe('local');
  });
});
