import { describe, expect, it } from 'vitest';
import { loginUrl, requestedPath, safeReturnPath, startPage } from '@/lib/auth/redirect';

const origin = 'https://opora.example';

describe('return path after sign-in', () => {
  it('keeps a path of the portal, with its query and fragment', () => {
    expect(safeReturnPath('/roadmaps/5f0c?item=7#item-7', origin)).toBe('/roadmaps/5f0c?item=7#item-7');
    expect(safeReturnPath('https://opora.example/schools', origin)).toBe('/schools');
    expect(safeReturnPath('/%09/host', origin)).toBe('/%09/host'); // encoded: stays a path of the portal
  });

  it.each([
    ['/\\evil.example'],
    ['/\\/evil.example'],
    ['\\\\evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['\t//evil.example'],
    ['//evil.example'],
    ['///evil.example'],
    ['https://evil.example'],
    ['https://opora.example.evil.example/'],
    ['https://opora.example@evil.example/'],
    ['http://opora.example/'],
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['/.//evil.example'],
    [''],
  ])('refuses %j', (payload) => {
    expect(safeReturnPath(payload, origin)).toBeNull();
  });

  it('sends an anonymous visitor to the login page with the page it wanted', () => {
    expect(loginUrl('/roadmaps/abc?item=1')).toBe('/login?callbackUrl=%2Froadmaps%2Fabc%3Fitem%3D1');
    expect(loginUrl('//evil.example')).toBe('/login');
    expect(loginUrl('/login?callbackUrl=/x')).toBe('/login');
    expect(loginUrl(null)).toBe('/login');
  });

  it('reads the requested path without the RSC cache-busting parameter', () => {
    expect(requestedPath('/roadmaps/1', new URLSearchParams('_rsc=abc&tab=items'))).toBe('/roadmaps/1?tab=items');
    expect(requestedPath('/schools', new URLSearchParams('_rsc=1'))).toBe('/schools');
  });

  it('lands on the start page «Мои задачи» by default', () => {
    expect(startPage()).toBe('/tasks');
  });
});
