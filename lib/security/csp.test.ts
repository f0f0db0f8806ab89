import { describe, expect, it } from 'vitest';
import { isPublicPath, publicPolicy, staffPolicy } from './csp';

describe('page content security policy', () => {
  it('tells the cached public pages from the staff side, staff by default', () => {
    for (const path of ['/', '/public', '/public/schools/1', '/public/find/школа', '/opendata', '/opendata/schools.csv', '/sitemap.xml', '/robots.txt']) {
      expect(isPublicPath(path), path).toBe(true);
    }
    for (const path of ['/login', '/tasks', '/schools', '/publicity', '/opendatax', '/admin/users', '/icon.svg']) {
      expect(isPublicPath(path), path).toBe(false);
    }
  });

  it('gives staff pages a nonce with strict-dynamic and no inline allowance', () => {
    const policy = staffPolicy('abc', false);
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toContain("'unsafe-inline' ;");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).not.toContain('unsafe-eval');
    expect(staffPolicy('abc', true)).toContain("'unsafe-eval'");
  });

  it('gives public pages one policy with no nonce, no inline handlers and the same guards', () => {
    const policy = publicPolicy(false);
    expect(policy).toBe(publicPolicy(false));
    expect(policy).not.toContain('nonce');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("script-src-attr 'none'");
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "default-src 'self'", "connect-src 'self'"]) {
      expect(policy).toContain(directive);
      expect(staffPolicy('n', false)).toContain(directive);
    }
  });
});
