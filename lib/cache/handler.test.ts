import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module loaded by Next.js itself
import Handler, { decodeValue, encodeValue, entryTags, estimateBytes, isOneOff, MemoryStore, ONE_OFF_TAG, tagVerdict, withHtmlBytes } from './handler.mjs';
import { ONE_OFF_TAG as APP_ONE_OFF_TAG } from '@/lib/public/cache';

type Store = { __oporaCacheStore?: unknown };

beforeEach(() => {
  delete process.env.REDIS_URL;
  delete process.env.OPORA_CACHE_ONE_OFF_MB;
  delete process.env.OPORA_PUBLIC_CACHE;
});

afterEach(() => {
  delete (globalThis as Store).__oporaCacheStore;
});

describe('the cache handler', () => {
  it('carries buffers and maps of a rendered page through JSON', () => {
    const page = { kind: 'APP_PAGE', html: '<p>ё</p>', rscData: Buffer.from([0, 1, 255]), segmentData: new Map([['/_tree', Buffer.from('x')]]), headers: { a: '1' }, status: 200 };
    const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(page))));
    expect(back).toEqual(page);
    expect(Buffer.isBuffer(back.rscData)).toBe(true);
    expect(back.segmentData).toBeInstanceOf(Map);
  });

  it('reads an entry’s tags from the data cache context and the page header', () => {
    expect(entryTags({ kind: 'FETCH', tags: ['public'] }, { tags: ['public:org:1'], softTags: ['_N_T_/x'] }).sort()).toEqual(['_N_T_/x', 'public', 'public:org:1']);
    expect(entryTags({ kind: 'APP_PAGE', headers: { 'x-next-cache-tags': 'public,_N_T_/public/schools/1' } }, {}).sort()).toEqual(['_N_T_/public/schools/1', 'public']);
  });

  it('judges an entry by the revalidations of its tags after it was written', () => {
    expect(tagVerdict([undefined, { expired: 50 }], 100, 200)).toBe('fresh');
    expect(tagVerdict([{ expired: 150 }], 100, 200)).toBe('expired');
    expect(tagVerdict([{ expired: 250 }], 100, 200)).toBe('fresh');
    expect(tagVerdict([{ stale: 150, expired: 1e12 }], 100, 200)).toBe('stale');
  });

  it('drops the least recently used entries past its size', () => {
    const store = new MemoryStore(10);
    store.set('a', 1, 4);
    store.set('b', 2, 4);
    store.get('a');
    store.set('c', 3, 4);
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')).toBe(1);
    expect(store.get('c')).toBe(3);
    store.set('huge', 4, 11);
    expect(store.get('huge')).toBeUndefined();
  });

  it('without Redis keeps entries in memory until one of their tags is revalidated', async () => {
    const handler = new Handler();
    const value = { kind: 'FETCH', data: { body: 'x' }, tags: ['public'], revalidate: 300 };
    await handler.set('k', value, { tags: ['public', 'public:org:1'] });
    expect((await handler.get('k', { kind: 'FETCH', tags: ['public', 'public:org:1'] }))?.value).toEqual(value);
    await handler.revalidateTag(['public:org:2'], { expire: 0 });
    expect(await handler.get('k', { kind: 'FETCH', tags: ['public', 'public:org:1'] })).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 2));
    await handler.revalidateTag(['public:org:1'], { expire: 0 });
    expect(await handler.get('k', { kind: 'FETCH', tags: ['public'] })).toBeNull();
  });
  it('keeps searches and floor pages in a bounded store of their own, so they never push a school page out', async () => {
    expect(APP_ONE_OFF_TAG).toBe(ONE_OFF_TAG);
    expect(isOneOff('/public/find/школа 5', [])).toBe(true);
    expect(isOneOff('/public/bench-dynamic/17', undefined)).toBe(true);
    expect(isOneOff('5f1c0a', ['public', ONE_OFF_TAG])).toBe(true);
    expect(isOneOff('/public/schools/1', ['public'])).toBe(false);
    expect(isOneOff('/public/find', [])).toBe(false);
    process.env.OPORA_CACHE_ONE_OFF_MB = '1';
    const handler = new Handler();
    const page = (html: string) => ({ kind: 'APP_PAGE', html, rscData: Buffer.alloc(1000), segmentData: new Map(), headers: {}, status: 200 });
    await handler.set('/public/schools/1', page('школа'), {});
    // 50 queries of about 100 KB each: five times what the one-off store may hold.
    for (let i = 0; i < 50; i++) await handler.set(`/public/find/запрос ${i}`, page('ш'.repeat(50_000)), {});
    expect(await handler.get('/public/schools/1', {})).not.toBeNull();
    expect(await handler.get('/public/find/запрос 49', {})).not.toBeNull();
    expect(await handler.get('/public/find/запрос 0', {})).toBeNull();
    const store = (globalThis as { __oporaCacheStore?: { oneOff: { bytes: number } } }).__oporaCacheStore!;
    expect(store.oneOff.bytes).toBeLessThanOrEqual(1024 * 1024);
  });

  it('estimates an entry’s size without serialising it', () => {
    expect(estimateBytes('ёж')).toBe(4);
    expect(estimateBytes(Buffer.alloc(10))).toBe(10);
    const size = estimateBytes({ kind: 'APP_PAGE', html: 'x'.repeat(1000), segmentData: new Map([['/a', Buffer.alloc(500)]]) });
    expect(size).toBeGreaterThan(2500);
    expect(size).toBeLessThan(2700);
  });
  it('keeps a rendered page’s HTML as UTF-8 bytes, so serving it from the cache does not encode it again', async () => {
    const page = { kind: 'APP_PAGE', html: '<p>Школа № 5, ёлка</p>', rscData: Buffer.from('r'), segmentData: new Map(), headers: {}, status: 200 };
    const stored = withHtmlBytes(page);
    expect(Buffer.isBuffer(stored.html)).toBe(true);
    expect(stored.html.toString('utf8')).toBe(page.html);
    expect(typeof page.html).toBe('string'); // Next.js's own object is left as it was
    expect(withHtmlBytes({ kind: 'FETCH', data: { body: 'x' } })).toEqual({ kind: 'FETCH', data: { body: 'x' } });
    const handler = new Handler();
    await handler.set('/public/schools/5', page, {});
    const read = await handler.get('/public/schools/5', {});
    expect(read.value.html).toEqual(Buffer.from(page.html));
    // Through Redis's JSON and back, still bytes.
    expect(decodeValue(JSON.parse(JSON.stringify(encodeValue(read.value)))).html).toEqual(Buffer.from(page.html));
  });
});
