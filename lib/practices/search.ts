// No 'server-only' here: the benchmark (scripts/bench-practices.ts) runs the same search under tsx.
/**
 * The one search of the practice bank, for the staff catalogue, the public catalogue, the API and the benchmark:
 * Russian full-text search (stemmed: «математике» finds «математика»; «ё» read as «е») ranked title > summary >
 * body, plus trigram word similarity on the title for typos in short queries, filters with counts, and a
 * highlighted snippet marked with SNIPPET_START / SNIPPET_END (plain text, never HTML). The caller passes the
 * visibility condition.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { organisations, practices, type CostBand, type EvidenceLevel, type PracticeStatus } from '@/db/schema';
import type { Executor } from '@/lib/db/client';
import type { SearchFilters } from './schemas';

export const SNIPPET_START = '\u0002';
export const SNIPPET_END = '\u0003';

/** The query as searched: lower case, «ё» as «е», spacing collapsed. */
export function normaliseQuery(q: string): string {
  return q.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

export interface SearchRow {
  id: string;
  title: string;
  summary: string;
  status: PracticeStatus;
  costBand: CostBand;
  evidenceLevel: EvidenceLevel | null;
  riskFactors: string[];
  settlement: 'urban' | 'rural' | null;
  schoolName: string;
  publishedAt: Date | null;
  updatedAt: Date;
  snippet: string;
  rank: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  rows: SearchRow[];
  total: number;
  page: number;
  pageSize: number;
  counts: { riskFactor: FacetCount[]; costBand: FacetCount[]; evidenceLevel: FacetCount[]; settlement: FacetCount[]; status: FacetCount[] };
}

/** Filters except `q`, as conditions; `omit` leaves one out (its own facet's counts). */
function filterConditions(f: SearchFilters, omit?: keyof SearchFilters | 'facets'): SQL[] {
  const c: SQL[] = [];
  if (omit === 'facets') return otherConditions(f);
  if (f.riskFactor && omit !== 'riskFactor') c.push(sql`${practices.riskFactors} @> ARRAY[${f.riskFactor}]::text[]`);
  if (f.settlement && omit !== 'settlement') c.push(eq(practices.settlement, f.settlement));
  if (f.costBand && omit !== 'costBand') c.push(eq(practices.costBand, f.costBand));
  if (f.evidenceLevel && omit !== 'evidenceLevel') c.push(eq(practices.evidenceLevel, f.evidenceLevel));
  if (f.status && omit !== 'status') c.push(eq(practices.status, f.status));
  return [...c, ...otherConditions(f)];
}

/** The filters that have no counts of their own. */
function otherConditions(f: SearchFilters): SQL[] {
  const c: SQL[] = [];
  if (f.subject) c.push(sql`${practices.subjects} @> ARRAY[${f.subject}]::text[]`);
  if (f.cluster !== undefined) c.push(eq(practices.socialCluster, f.cluster));
  if (f.municipalityId) c.push(eq(practices.municipalityId, f.municipalityId));
  return c;
}

function textCondition(q: string): { where: SQL; rank: SQL; query: SQL } | null {
  const normal = normaliseQuery(q);
  if (!normal) return null;
  const query = sql`websearch_to_tsquery('russian', ${normal})`;
  // Typos: short queries also match titles by trigram word similarity («математека» → «математика»).
  const fuzzyOn = normal.length >= 4 && normal.length <= 30 && normal.split(' ').length <= 2;
  const fuzzy = fuzzyOn ? sql` OR ${normal} <% ${practices.titleKey}` : sql``;
  return {
    query,
    where: sql`(${practices.search} @@ ${query}${fuzzy})`,
    // word_similarity is costly per row: only titles that matched by trigrams alone are ranked by it.
    rank: fuzzyOn
      ? sql`(CASE WHEN ${practices.search} @@ ${query} THEN ts_rank_cd(${practices.search}, ${query}) ELSE word_similarity(${normal}, ${practices.titleKey}) * 0.05 END)`
      : sql`ts_rank_cd(${practices.search}, ${query})`,
  };
}

export async function runSearch(executor: Executor, filters: SearchFilters, visible: SQL | undefined, options: { counts?: boolean; snippets?: boolean } = {}): Promise<SearchResult> {
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 20;
  const text = textCondition(filters.q ?? '');
  const where = () => and(visible, text?.where, ...filterConditions(filters));
  const sort = filters.sort ?? (text ? 'relevance' : 'date');
  const rank = text?.rank ?? sql`0`;
  const order = sort === 'relevance' ? sql`${rank} DESC, ${practices.updatedAt} DESC` : sql`coalesce(${practices.publishedAt}, ${practices.updatedAt}) DESC`;
  const snippet =
    text && options.snippets !== false
      ? sql<string>`ts_headline('russian', ${practices.summary} || ' ' || ${practices.body}, ${text.query}, ${`StartSel=${SNIPPET_START}, StopSel=${SNIPPET_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`})`
      : sql<string>`''`;
  const rowsQuery = executor
    .select({
      id: practices.id,
      title: practices.title,
      summary: practices.summary,
      status: practices.status,
      costBand: practices.costBand,
      evidenceLevel: practices.evidenceLevel,
      riskFactors: practices.riskFactors,
      settlement: practices.settlement,
      schoolName: sql<string>`coalesce(${organisations.shortName}, ${organisations.name})`,
      publishedAt: practices.publishedAt,
      updatedAt: practices.updatedAt,
      rank: sql<number>`${rank}`.mapWith(Number),
      total: sql<number>`count(*) OVER ()`.mapWith(Number),
    })
    .from(practices)
    .innerJoin(organisations, eq(organisations.id, practices.schoolId))
    .where(where())
    .orderBy(order)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const found = await rowsQuery;
  let rows: SearchRow[] = found.map(({ total: _t, ...r }) => ({ ...r, snippet: '' }));
  if (text && options.snippets !== false && rows.length > 0) {
    const ids = rows.map((r) => r.id);
    const snippets = await executor
      .select({ id: practices.id, snippet })
      .from(practices)
      .where(sql`${practices.id} IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
    const byId = new Map(snippets.map((s) => [s.id, s.snippet]));
    rows = rows.map((r) => ({ ...r, snippet: byId.get(r.id) ?? '' }));
  }
  const total = found[0]?.total ?? (page === 1 ? 0 : await countOnly(executor, where()));
  const counts: SearchResult['counts'] = { riskFactor: [], costBand: [], evidenceLevel: [], settlement: [], status: [] };
  if (options.counts !== false) Object.assign(counts, await facetCounts(executor, filters, and(visible, text?.where, ...filterConditions(filters, 'facets'))));
  return { rows, total, page, pageSize, counts };
}

const FACETS = ['riskFactor', 'costBand', 'evidenceLevel', 'settlement', 'status'] as const;
type Facet = (typeof FACETS)[number];

/**
 * How many practices each filter value would find: the text match and the non-facet filters are evaluated once
 * (a CTE); each facet's counts apply the other facets' filters, not its own, so a chosen value still shows its
 * alternatives.
 */
async function facetCounts(executor: Executor, f: SearchFilters, base: SQL | undefined): Promise<Record<Facet, FacetCount[]>> {
  const conditions: Record<Facet, SQL | null> = {
    riskFactor: f.riskFactor ? sql`risk_factors @> ARRAY[${f.riskFactor}]::text[]` : null,
    costBand: f.costBand ? sql`cost_band = ${f.costBand}` : null,
    evidenceLevel: f.evidenceLevel ? sql`evidence_level = ${f.evidenceLevel}` : null,
    settlement: f.settlement ? sql`settlement = ${f.settlement}` : null,
    status: f.status ? sql`status = ${f.status}` : null,
  };
  const others = (facet: Facet) => {
    const list = FACETS.filter((x) => x !== facet && conditions[x]).map((x) => conditions[x]!);
    return list.length ? sql`WHERE ${sql.join(list, sql` AND `)}` : sql``;
  };
  const column: Record<Facet, SQL> = {
    riskFactor: sql`unnest(risk_factors)`,
    costBand: sql`cost_band`,
    evidenceLevel: sql`evidence_level`,
    settlement: sql`settlement`,
    status: sql`status`,
  };
  const branches = FACETS.map((facet) => sql`SELECT ${facet}::text AS facet, ${column[facet]}::text AS value, count(*)::int AS n FROM m ${others(facet)} GROUP BY 2`);
  const query = sql`WITH m AS MATERIALIZED (SELECT ${practices.riskFactors} AS risk_factors, ${practices.costBand} AS cost_band, ${practices.evidenceLevel} AS evidence_level, ${practices.settlement} AS settlement, ${practices.status} AS status FROM ${practices} WHERE ${base ?? sql`true`}) ${sql.join(branches, sql` UNION ALL `)}`;
  const result = await executor.execute<{ facet: Facet; value: string | null; n: number }>(query);
  const out: Record<Facet, FacetCount[]> = { riskFactor: [], costBand: [], evidenceLevel: [], settlement: [], status: [] };
  for (const row of result.rows) if (row.value !== null) out[row.facet].push({ value: row.value, count: Number(row.n) });
  for (const facet of FACETS) out[facet].sort((a, b) => b.count - a.count);
  return out;
}

async function countOnly(executor: Executor, where: SQL | undefined): Promise<number> {
  const [row] = await executor.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(practices).where(where);
  return row?.n ?? 0;
}

/** Snippet text → parts, the highlighted ones marked: rendered as <mark> by React, never as HTML. */
export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  for (const [i, chunk] of snippet.split(SNIPPET_START).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk, hit: false });
      continue;
    }
    const [hit, rest] = chunk.split(SNIPPET_END);
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}
