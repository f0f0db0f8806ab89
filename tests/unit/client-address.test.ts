import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { normaliseAddress, parseTrustedProxies, resolveClientAddress } from '@/lib/auth/client-address';
import { CLIENT_ADDRESS_HEADER, stampClientAddresses } from '@/lib/auth/client-address-stamp';
import { clientAddress } from '@/lib/auth/options';

describe('client address of a sign-in', () => {
  const none = parseTrustedProxies('');
  const proxies = parseTrustedProxies('10.0.0.0/8, 127.0.0.1, ::1');

  it('without trusted proxies (the default) is the connection’s own address: X-Forwarded-For is ignored', () => {
    for (const forged of ['1.2.3.4', '5.6.7.8, 9.9.9.9', '203.0.113.9']) {
      expect(resolveClientAddress('192.0.2.10', forged, none)).toBe('192.0.2.10');
    }
  });

  it('rotating X-Forwarded-For from an untrusted peer gives one address, however many values are tried', () => {
    const seen = new Set(Array.from({ length: 40 }, (_, i) => resolveClientAddress('192.0.2.10', `198.51.100.${i}`, proxies)));
    expect([...seen]).toEqual(['192.0.2.10']);
  });

  it('behind trusted proxies, takes the right-most entry that is not a trusted proxy', () => {
    expect(resolveClientAddress('127.0.0.1', '203.0.113.5', proxies)).toBe('203.0.113.5');
    expect(resolveClientAddress('::ffff:127.0.0.1', 'forged-by-client, 203.0.113.5, 10.1.2.3', proxies)).toBe('203.0.113.5');
    expect(resolveClientAddress('::1', '10.0.0.7, 10.0.0.8', proxies)).toBe('10.0.0.7');
    expect(resolveClientAddress('127.0.0.1', undefined, proxies)).toBe('127.0.0.1');
  });

  it('normalises IPv4-mapped and bracketed addresses', () => {
    expect(normaliseAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normaliseAddress('[2001:DB8::1]')).toBe('2001:db8::1');
  });

  it('refuses a malformed OPORA_TRUSTED_PROXIES entry with a Russian message', () => {
    expect(() => parseTrustedProxies('10.0.0.0/40')).toThrow(/OPORA_TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies('proxy.local')).toThrow(/не адрес/);
  });

  it('is stamped on every request by the server itself, replacing a header of that name sent by the client', async () => {
    stampClientAddresses('');
    const server = http.createServer((request, response) => {
      response.end(clientAddress(new Headers(request.headers as Record<string, string>)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'X-Forwarded-For': '1.2.3.4', [CLIENT_ADDRESS_HEADER]: '5.6.7.8' } });
      expect(await response.text()).toBe('127.0.0.1');
    } finally {
      server.close();
    }
  });
});
