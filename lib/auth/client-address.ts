import { BlockList, isIP } from 'node:net';

/**
 * The client address a sign-in is counted against. Forwarded headers are written by whoever sends the request,
 * so they are believed only when the connection comes from a configured proxy (`OPORA_TRUSTED_PROXIES`: addresses
 * and CIDR ranges, comma-separated; empty by default — then the address is the connection's own). Behind trusted
 * proxies the client is the right-most X-Forwarded-For entry that is not itself a trusted proxy: entries to its
 * left were written by the client and prove nothing.
 */
export interface TrustedProxies {
  list: BlockList;
  empty: boolean;
}

/** `10.0.0.0/8, 127.0.0.1, ::1` → a matcher. An entry that is not an address or range is refused loudly. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address ?? '');
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits))) {
      throw new Error(`OPORA_TRUSTED_PROXIES: «${entry}» — не адрес и не диапазон (пример: 10.0.0.0/8, 127.0.0.1)`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, bits, type);
  }
  return { list, empty: entries.length === 0 };
}

/** `::ffff:10.0.0.1` (an IPv4 connection on a dual-stack socket) → `10.0.0.1`; brackets and spaces dropped. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1]! : trimmed).toLowerCase();
}

function isTrusted(address: string, trusted: TrustedProxies): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** The client address from the connection's peer and the X-Forwarded-For header it carried. */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  const peerAddress = peer ? normaliseAddress(peer) : 'unknown';
  if (trusted.empty || !isTrusted(peerAddress, trusted)) return peerAddress;
  const hops = (forwardedFor ?? '')
    .split(',')
    .map(normaliseAddress)
    .filter(Boolean);
  let client = peerAddress;
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    client = hops[i]!.slice(0, 64);
    if (!isTrusted(client, trusted)) return client;
  }
  return client;
}
