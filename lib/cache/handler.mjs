/**
 * The portal's Next.js cache handler (next.config.js `cacheHandler`): the page cache (whole rendered public pages)
 * and the data cache (`unstable_cache` in lib/public/cache.ts) with tag revalidation.
 *
 * - Without REDIS_URL: in this process only, in memory, least recently used first out past
 *   OPORA_CACHE_MEMORY_MB (default 256) — nothing written to disk, so a stream of distinct search queries
 *   cannot fill it.
 * - With REDIS_URL: every instance keeps the same memory layer in front of a shared Redis. Entries are written
 *   to Redis (with an expiry), tag revalidations are a hash of tag → time in Redis, and each read checks the
 *   entry's tags there (one HMGET), so a publication on one instance is seen by every instance on its next
 *   request. An entry another instance rendered is read from Redis. If Redis is unreachable the instance goes on
 *   with its memory layer alone and says so once in the log.
 * - One-off entries — a search query's page and data, and the benchmark's floor pages — live in a memory
 *   store of their own, bounded by OPORA_CACHE_ONE_OFF_MB (default 16): a stream of queries never asked
 *   before cannot push the school pages out nor swell the heap the garbage collector walks.
 * - OPORA_PUBLIC_CACHE=off: nothing is cached (the benchmark's uncached baseline).
 *
 * Plain JavaScript: Next.js imports this file itself at start-up, outside the application bundle.
 */
import { createClient } from '@redis/client';

const PREFIX = process.env.OPORA_CACHE_PREFIX || 'opora:next:';
const TAGS_KEY = `${PREFIX}tags`;
/** Redis keeps an entry at most this long after its last write (revalidation rewrites it sooner). */
const MAX_TTL_SECONDS = 7 * 24 * 3600;
const PAGE_TAGS_HEADER = 'x-next-cache-tags';

/** Buffers and Maps (a page's RSC payload and segments) through JSON. */
export function encodeValue(value) {
  if (Buffer.isBuffer(value)) return { $b: value.toString('base64') };
  if (value instanceof Map) return { $m: [...value].map(([k, v]) => [k, encodeValue(v)]) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeValue(v);
    return out;
  }
  return value;
}

export function decodeValue(value) {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value && typeof value === 'object') {
    if (typeof value.$b === 'string' && Object.keys(value).length === 1) return Buffer.from(value.$b, 'base64');
    if (Array.isArray(value.$m) && Object.keys(value).length === 1) return new Map(value.$m.map(([k, v]) => [k, decodeValue(v)]));
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = decodeValue(v);
    return out;
  }
  return value;
}

/** The tags an entry answers to: a data entry's own and the page's implicit ones; a page's from its header. */
export function entryTags(value, ctx) {
  const tags = new Set([...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]);
  if (value && Array.isArray(value.tags)) for (const tag of value.tags) tags.add(tag);
  const header = value?.headers?.[PAGE_TAGS_HEADER];
  if (typeof header === 'string') for (const tag of header.split(',')) if (tag) tags.add(tag);
  return [...tags];
}

/** Least-recently-used map bounded by an estimate of bytes. */
export class MemoryStore {
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    this.entries = new Map();
  }
  get(key) {
    const item = this.entries.get(key);
    if (!item) return undefined;
    this.entries.delete(key);
    this.entries.set(key, item);
    return item.entry;
  }
  set(key, entry, size) {
    this.delete(key);
    if (size > this.maxBytes) return;
    this.entries.set(key, { entry, size });
    this.bytes += size;
    for (const [oldest, item] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= item.size;
    }
  }
  delete(key) {
    const item = this.entries.get(key);
    if (!item) return;
    this.entries.delete(key);
    this.bytes -= item.size;
  }
}

/**
 * Whether an entry written at `lastModified` is out of date: 'expired' if a tag was revalidated to expire
 * after it was written, 'stale' if one was only marked stale (served once more while it is rendered anew).
 */
export function tagVerdict(states, lastModified, now = Date.now()) {
  let verdict = 'fresh';
  for (const state of states) {
    if (!state) continue;
    if (typeof state.expired === 'number' && state.expired >= lastModified && state.expired <= now) return 'expired';
    if (typeof state.stale === 'number' && state.stale >= lastModified) verdict = 'stale';
  }
  return verdict;
}

/** Pages (by path) and data (by tag, lib/public/cache.ts) that are asked once and rarely again. */
const ONE_OFF_PATH = /^\/public\/(find|bench-dynamic)\//;
export const ONE_OFF_TAG = 'public:one-off';
export function isOneOff(key, tags) {
  return ONE_OFF_PATH.test(key) || (Array.isArray(tags) && tags.includes(ONE_OFF_TAG));
}

/** About how many bytes an entry holds in memory (strings count two bytes a character): cheaper than serialising it. */
export function estimateBytes(value, depth = 0) {
  if (typeof value === 'string') return value.length * 2;
  if (Buffer.isBuffer(value)) return value.length;
  if (value === null || typeof value !== 'object' || depth > 8) return 8;
  let total = 16;
  if (value instanceof Map) {
    for (const [k, v] of value) total += estimateBytes(k, depth + 1) + estimateBytes(v, depth + 1);
    return total;
  }
  for (const v of Array.isArray(value) ? value : Object.values(value)) total += estimateBytes(v, depth + 1);
  return total;
}

/**
 * A rendered page's HTML is kept as UTF-8 bytes, not as a string. Next.js sends what the cache returns as it is
 * (`RenderResult.fromStatic` takes a string or a Buffer): bytes go to the socket untouched, while a string —
 * mostly Cyrillic, so a two-byte string in V8 — is measured and encoded again on every response, which on a
 * 86 KB school page costs more than everything else of serving it from the cache (scripts/bench-public.ts).
 */
export function withHtmlBytes(value) {
  if (value?.kind !== 'APP_PAGE' || typeof value.html !== 'string') return value;
  return { ...value, html: Buffer.from(value.html, 'utf8') };
}

const shared = globalThis;

function ttlSeconds(entry) {
  const control = entry.cacheControl;
  const seconds = control?.expire ?? (typeof control?.revalidate === 'number' ? control.revalidate * 4 : undefined)
    ?? (typeof entry.value?.revalidate === 'number' ? entry.value.revalidate * 4 : undefined);
  return Math.max(60, Math.min(MAX_TTL_SECONDS, Math.ceil(seconds ?? MAX_TTL_SECONDS)));
}

/** One store per process: Next.js may construct the handler class more than once. */
function processStore() {
  if (shared.__oporaCacheStore) return shared.__oporaCacheStore;
  const megabytes = Number(process.env.OPORA_CACHE_MEMORY_MB || 256);
  const store = {
    memory: new MemoryStore(megabytes * 1024 * 1024),
    oneOff: new MemoryStore(Number(process.env.OPORA_CACHE_ONE_OFF_MB || 16) * 1024 * 1024),
    /** tag → { stale?, expired? } (ms): this process's revalidations, and the shared ones when there is no Redis. */
    tags: new Map(),
    redis: null,
    redisReady: null,
    redisDown: false,
  };
  const url = process.env.REDIS_URL;
  if (url) {
    const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(retries * 200, 5000) } });
    client.on('error', (error) => {
      if (!store.redisDown) console.error(`[опора] кэш: Redis недоступен (${error.message}) — работа с памятью этого экземпляра`);
      store.redisDown = true;
    });
    client.on('ready', () => {
      if (store.redisDown) console.log('[опора] кэш: Redis снова доступен');
      store.redisDown = false;
    });
    store.redis = client;
    store.redisReady = client.connect().then(
      () => true,
      () => false,
    );
  }
  shared.__oporaCacheStore = store;
  return store;
}

async function redisOf(store) {
  if (!store.redis || store.redisDown) return null;
  return (await store.redisReady) && store.redis.isReady ? store.redis : null;
}

async function tagStates(store, tags) {
  const local = tags.map((tag) => store.tags.get(tag));
  const redis = await redisOf(store);
  if (!redis || tags.length === 0) return local;
  try {
    const remote = await redis.hmGet(TAGS_KEY, tags);
    return remote.map((raw, i) => {
      const theirs = raw ? JSON.parse(raw) : undefined;
      const mine = local[i];
      if (!theirs) return mine;
      if (!mine) return theirs;
      return { stale: Math.max(mine.stale ?? 0, theirs.stale ?? 0) || undefined, expired: Math.max(mine.expired ?? 0, theirs.expired ?? 0) || undefined };
    });
  } catch {
    return local;
  }
}

/** Marks tags revalidated (Next.js's `revalidateTag(tag, { expire })`; no durations = expire at once). */
export async function revalidateTags(tags, durations) {
  const store = processStore();
  const list = typeof tags === 'string' ? [tags] : [...tags];
  if (list.length === 0) return;
  const now = Date.now();
  const updates = {};
  for (const tag of list) {
    const state = { ...(store.tags.get(tag) ?? {}) };
    if (durations) {
      state.stale = now;
      if (durations.expire !== undefined) state.expired = now + durations.expire * 1000;
    } else {
      state.expired = now;
    }
    store.tags.set(tag, state);
    updates[tag] = JSON.stringify(state);
  }
  const redis = await redisOf(store);
  if (redis) {
    try {
      await redis.hSet(TAGS_KEY, updates);
      // No entry outlives MAX_TTL_SECONDS, so neither need the revalidation times.
      await redis.expire(TAGS_KEY, MAX_TTL_SECONDS);
    } catch (error) {
      console.error(`[опора] кэш: не удалось записать пересчёт тегов в Redis (${error.message})`);
    }
  }
}

export default class OporaCacheHandler {
  constructor() {
    this.store = processStore();
    // The app's own code (lib/public/cache.ts) awaits revalidations through this, so the write is done — in
    // Redis too — before its response leaves.
    shared.__oporaRevalidateTags = revalidateTags;
  }

  async get(key, ctx) {
    if (process.env.OPORA_PUBLIC_CACHE === 'off') return null;
    const store = this.store;
    let entry = store.memory.get(key) ?? store.oneOff.get(key);
    const redis = await redisOf(store);
    if (!entry && redis) {
      entry = await this.readRemote(redis, key);
      if (!entry) return null;
    }
    if (!entry) return null;
    let verdict = tagVerdict(await tagStates(store, entryTags(entry.value, { ...ctx, tags: [...(ctx?.tags ?? []), ...(entry.tags ?? [])] })), entry.lastModified);
    if (verdict === 'expired' && redis) {
      // Another instance may already have rendered it anew after the revalidation.
      const newer = await this.readRemote(redis, key);
      if (newer && newer.lastModified > entry.lastModified) {
        entry = newer;
        verdict = tagVerdict(await tagStates(store, entryTags(entry.value, { ...ctx, tags: [...(ctx?.tags ?? []), ...(entry.tags ?? [])] })), entry.lastModified);
      }
    }
    if (verdict === 'expired') {
      store.memory.delete(key);
      store.oneOff.delete(key);
      return null;
    }
    // Stale: served once more while Next.js renders it anew (an old time reads as past its revalidation).
    return verdict === 'stale' ? { ...entry, lastModified: 1 } : entry;
  }

  async readRemote(redis, key) {
    try {
      const raw = await redis.get(PREFIX + key);
      if (!raw) return null;
      const entry = decodeValue(JSON.parse(raw));
      this.memoryFor(key, entry.tags).set(key, entry, raw.length);
      return entry;
    } catch {
      return null;
    }
  }

  async set(key, data, ctx) {
    if (process.env.OPORA_PUBLIC_CACHE === 'off') return;
    const store = this.store;
    if (!data) {
      store.memory.delete(key);
      store.oneOff.delete(key);
      const redis = await redisOf(store);
      if (redis) await redis.del(PREFIX + key).catch(() => undefined);
      return;
    }
    const entry = { value: withHtmlBytes(data), lastModified: Date.now(), tags: [...(ctx?.tags ?? [])], cacheControl: ctx?.cacheControl };
    const redis = await redisOf(store);
    // Serialised only for Redis; the memory layer's size is estimated.
    const raw = redis ? JSON.stringify(encodeValue(entry)) : null;
    this.memoryFor(key, entry.tags).set(key, entry, raw ? raw.length : estimateBytes(entry));
    if (redis) {
      try {
        await redis.set(PREFIX + key, raw, { expiration: { type: 'EX', value: ttlSeconds(entry) } });
      } catch (error) {
        console.error(`[опора] кэш: не удалось записать в Redis (${error.message})`);
      }
    }
  }

  /** The memory store an entry belongs in: the one-off store for searches and floor pages, else the main one. */
  memoryFor(key, tags) {
    return isOneOff(key, tags) ? this.store.oneOff : this.store.memory;
  }

  async revalidateTag(tags, durations) {
    await revalidateTags(tags, durations);
  }

  resetRequestCache() {}
}
