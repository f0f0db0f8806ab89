import http, { type IncomingMessage } from 'node:http';
import { parseTrustedProxies, resolveClientAddress } from './client-address';

/** The request header that carries the client address the server resolved itself. */
export const CLIENT_ADDRESS_HEADER = 'x-opora-client-address';
const STAMPED = Symbol.for('opora.client-address-stamp');

/** Whether this process stamps every request (set by `instrumentation.ts` at server start). */
export function clientAddressStamped(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMPED] === true;
}

/**
 * Next.js hides the connection's peer address from route handlers (it only fills X-Forwarded-For when the client
 * did not send one). At server start this wraps the HTTP server's `request` event: the client address is
 * resolved from the socket and the trusted proxies, and written into {@link CLIENT_ADDRESS_HEADER}, replacing
 * whatever the client sent under that name.
 */
export function stampClientAddresses(trustedValue = process.env.OPORA_TRUSTED_PROXIES): void {
  if (clientAddressStamped()) return;
  const trusted = parseTrustedProxies(trustedValue);
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function stampedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as IncomingMessage;
      const forwarded = request.headers['x-forwarded-for'];
      request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
        request.socket?.remoteAddress,
        Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
        trusted,
      );
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
  (globalThis as Record<symbol, unknown>)[STAMPED] = true;
}
