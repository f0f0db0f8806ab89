import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module loaded by Next.js itself
import Handler, { decodeValue, encodeValue, entryTags, MemoryStore, tagVerdict } from './handler.mjs';

type Store = { __oporaCacheStore?: unknown };

beforeEach(() => {
  delete process.env.REDIS_URL;
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
});
