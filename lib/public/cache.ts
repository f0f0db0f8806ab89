import 'server-only';
/**
 * The public pages' data, cached by Next.js (the pages themselves are cached whole too, under the same tags: a
 * page's entry carries the tags of the data it read) (`unstable_cache`: the app does not enable `cacheComponents`, which
 * `'use cache'` needs) and refreshed by tag: every entry carries the tag of all public data and the tag of the
 * organisation it is about (school, municipality or region). Publishing a classification run revalidates all
 * public data (a run changes statuses, lists and movements across the region); approving or unlocking indicator
 * values revalidates the organisation's tag. Whatever no tag covers (a road map's progress, a renamed school) is
 * refreshed after `PUBLIC_CACHE_SECONDS` at most.
 *
 * Outside a Next.js server (tests, scripts) and with OPORA_PUBLIC_CACHE=off the queries run uncached.
 */
import { revalidateTag, unstable_cache } from 'next/cache';
import { listPublicDirectory } from '@/lib/organisations/public';
import { decode, encode } from './cache-codec';
import { getPublicMunicipality, getPublicRegion, getPublicSchool, regionSummary, searchSchools } from './queries';

/** The longest a public page may show data that no tag revalidation refreshed. */
export const PUBLIC_CACHE_SECONDS = 300;
export const PUBLIC_TAG = 'public';
export const organisationTag = (organisationId: string) => `public:org:${organisationId}`;

/** Tags to revalidate when a classification run is published or withdrawn. */
export const publishedRunTags = (): string[] => [PUBLIC_TAG];
/** Tags to revalidate when an organisation's indicator values are approved, returned or unlocked. */
export const approvalTags = (organisationId: string): string[] => [organisationTag(organisationId)];

const cacheOn = () => Boolean(process.env.NEXT_RUNTIME) && process.env.OPORA_PUBLIC_CACHE !== 'off';

function cached<A extends string[], T>(name: string, query: (...args: A) => Promise<T>, tags: (...args: A) => string[]) {
  return async (...args: A): Promise<T> => {
    if (!cacheOn()) return query(...args);
    const entry = unstable_cache(async () => encode(await query(...args)), [`opora-public:${name}`, ...args], {
      tags: [PUBLIC_TAG, ...tags(...args)],
      revalidate: PUBLIC_CACHE_SECONDS,
    });
    return decode<T>(await entry());
  };
}

export const cachedPublicSchool = cached('school', getPublicSchool, (id) => [organisationTag(id)]);
export const cachedPublicMunicipality = cached('municipality', getPublicMunicipality, (id) => [organisationTag(id)]);
export const cachedPublicRegion = cached('region', getPublicRegion, () => []);
export const cachedRegionSummary = cached('summary', regionSummary, () => []);
export const cachedPublicDirectory = cached('directory-counts', listPublicDirectory, () => []);
/** A search's results are kept apart and bounded (lib/cache/handler.mjs: the one-off store): most queries are asked once. */
export const ONE_OFF_TAG = 'public:one-off';
export const cachedSearch = cached('search', (query: string) => searchSchools(query), () => [ONE_OFF_TAG]);

const handler = globalThis as unknown as { __oporaRevalidateTags?: (tags: string[], durations: { expire: number }) => Promise<void> };

/**
 * Expires the tags at once (`expire: 0`): the next request reads fresh data and renders the page anew rather
 * than serving a stale copy, so a publication is visible on the very next page view — on every instance when
 * the cache is shared through Redis. Called by the app's actions and API handlers after the write; the cache
 * handler (lib/cache/handler.mjs) is told directly and awaited, so the revalidation is stored before the
 * response leaves (Next.js itself may pass it on only after the response).
 */
export async function revalidatePublic(tags: readonly string[]): Promise<void> {
  if (!process.env.NEXT_RUNTIME) return;
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  await handler.__oporaRevalidateTags?.([...tags], { expire: 0 });
}
