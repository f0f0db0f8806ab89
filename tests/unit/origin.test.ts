import { describe, expect, it } from 'vitest';
import { hasBody, isCrossSiteWrite, mediaType, type RequestOrigin } from '@/lib/api/origin';

const base: RequestOrigin = { method: 'POST', origin: null, secFetchSite: null, host: 'portal.example:3000', publicUrl: 'https://opora.example' };
const req = (over: Partial<RequestOrigin>): RequestOrigin => ({ ...base, ...over });

describe('cross-site write refusal', () => {
  it('lets safe methods through whatever their origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(isCrossSiteWrite(req({ method, origin: 'https://evil.example' }))).toBe(false);
  });

  it('accepts the portal’s own origin: the host the request was sent to, or the public address', () => {
    expect(isCrossSiteWrite(req({ origin: 'http://portal.example:3000' }))).toBe(false);
    expect(isCrossSiteWrite(req({ origin: 'https://opora.example' }))).toBe(false);
    expect(isCrossSiteWrite(req({ origin: 'https://opora.example', host: '127.0.0.1:3000' }))).toBe(false);
  });

  it('refuses another port of the same host (same site, another origin) — the text/plain form post of the finding', () => {
    expect(isCrossSiteWrite(req({ origin: 'http://portal.example:3001' }))).toBe(true);
    expect(isCrossSiteWrite(req({ origin: 'http://localhost:3101', host: 'localhost:3100', publicUrl: 'http://localhost:3100' }))).toBe(true);
  });

  it('refuses foreign hosts, the opaque null origin and garbage, for every unsafe method', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'delete']) {
      expect(isCrossSiteWrite(req({ method, origin: 'https://evil.example' }))).toBe(true);
      expect(isCrossSiteWrite(req({ method, origin: 'null' }))).toBe(true);
      expect(isCrossSiteWrite(req({ method, origin: 'not a url' }))).toBe(true);
      expect(isCrossSiteWrite(req({ method, origin: 'file:///etc/passwd' }))).toBe(true);
    }
    // A public address that is not configured is no free pass.
    expect(isCrossSiteWrite(req({ origin: 'https://opora.example', publicUrl: null }))).toBe(true);
    expect(isCrossSiteWrite(req({ origin: 'http://portal.example:3000', host: null, publicUrl: null }))).toBe(true);
  });

  it('without Origin, trusts Sec-Fetch-Site only when it says same-origin (or none: typed by the user)', () => {
    expect(isCrossSiteWrite(req({ secFetchSite: 'same-origin' }))).toBe(false);
    expect(isCrossSiteWrite(req({ secFetchSite: 'none' }))).toBe(false);
    expect(isCrossSiteWrite(req({ secFetchSite: 'same-site' }))).toBe(true);
    expect(isCrossSiteWrite(req({ secFetchSite: 'cross-site' }))).toBe(true);
  });

  it('lets a request with neither header through: not a browser page, so no one else’s cookies', () => {
    expect(isCrossSiteWrite(req({}))).toBe(false);
  });
});

describe('request body helpers', () => {
  it('reads the media type without parameters, lower-cased', () => {
    expect(mediaType('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mediaType('text/plain')).toBe('text/plain');
    expect(mediaType(null)).toBe('');
  });

  it('sees a body in a positive Content-Length or a chunked transfer', () => {
    expect(hasBody(new Headers({ 'content-length': '0' }))).toBe(false);
    expect(hasBody(new Headers({ 'content-length': '12' }))).toBe(true);
    expect(hasBody(new Headers({ 'transfer-encoding': 'chunked' }))).toBe(true);
    expect(hasBody(new Headers())).toBe(false);
  });
});
