// No 'server-only' here: the benchmark (scripts/bench-practices.ts) runs the same search under tsx.
/**
 * The one search of the practice bank, for the staff catalogue, the public catalogue, the API and the benchmark:
 * Russian full-text search (stemmed: «математике» finds «математика»; «ё» read as «е») ranked title > summary >
 * body, plus trigram word similarity on the title for typos in short queries that find few practices by their
 * words, filters with counts, and a highlighted snippet marked with SNIPPET_START / SNIPPET_END (plain text, never
 * HTML). The caller passes the visibility condition.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { COST_BANDS, EVIDENCE_LEVELS, organisations, PRACTICE_STATUSES, practices, type CostBand, type EvidenceLevel, type PracticeStatus } from '@/db/schema';
import { RISK_FACTORS } from '@/lib/classification/risk';
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

const FACETS = ['riskFactor', 'costBand', 'evidenceLevel', 'settlement', 'status'] as const;
type Facet = (typeof FACETS)[number];

/** Each chosen facet filter as a condition on a practice row (null: not chosen). */
function facetTests(f: SearchFilters): Record<Facet, SQL | null> {
  return {
    riskFactor: f.riskFactor ? sql`${practices.riskFactors} @> ARRAY[${f.riskFactor}]::text[]` : null,
    costBand: f.costBand ? sql`${practices.costBand} = ${f.costBand}` : null,
    evidenceLevel: f.evidenceLevel ? sql`${practices.evidenceLevel} = ${f.evidenceLevel}` : null,
    settlement: f.settlement ? sql`${practices.settlement} = ${f.settlement}` : null,
    status: f.status ? sql`${practices.status} = ${f.status}` : null,
  };
}

/** The filters that have no counts of their own. */
function otherConditions(f: SearchFilters): SQL[] {
  const c: SQL[] = [];
  if (f.subject) c.push(sql`${practices.subjects} @> ARRAY[${f.subject}]::text[]`);
  if (f.cluster !== undefined) c.push(eq(practices.socialCluster, f.cluster));
  if (f.municipalityId) c.push(eq(practices.municipalityId, f.municipalityId));
  return c;
}

/** Titles that only look like the query (typos) are searched when its words find fewer practices than this. */
const FUZZY_BELOW = 20;

interface TextQuery {
  query: SQL;
  /** The normalised query when it is short enough for typo tolerance (trigram word similarity on the title). */
  fuzzy: string | null;
}

function textQuery(q: string): TextQuery | null {
  const normal = normaliseQuery(q);
  if (!normal) return null;
  const fuzzyOn = normal.length >= 4 && normal.length <= 30 && normal.split(' ').length <= 2;
  return { query: sql`websearch_to_tsquery('russian', ${normal})`, fuzzy: fuzzyOn ? normal : null };
}

/** A column of the match set `m` (below) by its SQL name. */
const col = (name: string) => sql.raw(`m.${name}`);
const FACET_COLUMN: Record<Facet, string> = { riskFactor: 'risk_factors', costBand: 'cost_band', evidenceLevel: 'evidence_level', settlement: 'settlement', status: 'status' };
/** Every value a facet can take, in the order the counts are read back. */
const FACET_VALUES: Record<Facet, readonly string[]> = {
  riskFactor: RISK_FACTORS,
  costBand: COST_BANDS,
  evidenceLevel: EVIDENCE_LEVELS,
  settlement: ['urban', 'rural'],
  status: PRACTICE_STATUSES,
};
const OK_COLUMN: Record<Facet, string> = { riskFactor: 'ok_risk', costBand: 'ok_cost', evidenceLevel: 'ok_evidence', settlement: 'ok_settlement', status: 'ok_status' };

/**
 * The one search. How it stays fast on 20,000 practices (npm run bench:practices) on PostgreSQL and PGlite:
 *
 * - Matches are found through the GIN indexes only: the text match by `search @@ query` (exact bitmap, no recheck,
 *   so the TOASTed whole-document vector is never read per row) and, for short queries whose words find fewer than
 *   FUZZY_BELOW practices, the title trigrams by `title_key %> query` (the operator form the index holds, so the
 *   condition is not evaluated again per row).
 *   A query word such as «учителей» matches most of a region's practices, and then the planner would rather read
 *   the table and test every row's vector (detoasting each); `enable_seqscan` is switched off for this one
 *   transaction so that the index is used.
 * - The matches are read once (a materialized CTE) for the page, the total and every facet's counts: a row carries
 *   its facet values and whether it passes each chosen facet filter, and one aggregate counts each facet value among
 *   the rows that pass the other facets' filters (a chosen value still shows its alternatives).
 * - Relevance is ranked on `search_head` (title weighted above summary), small and kept in the row, and only for
 *   rows passing every filter: a text match ranks 0.1 + ts_rank(title, summary), so a title match comes before a
 *   summary match and both before a match found only in the body (then newest first); a title found only by
 *   trigrams (a typo) ranks 0.05 × word similarity, after every text match.
 * - The page's rows, and their highlighted snippets (ts_headline), are read for the page's ids only.
 */
export async function runSearch(executor: Executor, filters: SearchFilters, visible: SQL | undefined, options: { counts?: boolean; snippets?: boolean } = {}): Promise<SearchResult> {
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 20;
  const text = textQuery(filters.q ?? '');
  const sort = filters.sort ?? (text ? 'relevance' : 'date');
  const withCounts = options.counts !== false;
  const tests = facetTests(filters);
  const chosen = FACETS.filter((f) => tests[f]);
  const passesAll = chosen.length ? sql.join(chosen.map((f) => tests[f]!), sql` AND `) : sql`true`;
  // The visibility and the non-facet filters, wrapped so that no index serves them: with sequential scans off,
  // a text branch can then only be read through its GIN index (the region/status index would otherwise be chosen
  // and every row's whole-document vector tested one by one).
  const scope = and(visible, ...otherConditions(filters));
  const opaque = scope ? sql`coalesce(${scope}, false)` : undefined;

  const columns = (rank: SQL) =>
    sql.join(
      [
        sql`${practices.id} AS id`,
        sql`${practices.updatedAt} AS updated_at`,
        sql`coalesce(${practices.publishedAt}, ${practices.updatedAt}) AS sort_date`,
        sql`${sort === 'relevance' ? rank : sql`0`}::float8 AS rank`,
        ...FACETS.map((f) => sql`${sql.raw(`"${FACET_COLUMN[f]}"`)} AS ${sql.raw(FACET_COLUMN[f])}`),
        ...chosen.map((f) => sql`(${tests[f]!}) AS ${sql.raw(OK_COLUMN[f])}`),
      ],
      sql`, `,
    );
  const branches: SQL[] = [];
  if (text) {
    const rank = sql`CASE WHEN ${passesAll} THEN 0.1::float8 + ts_rank(${practices.searchHead}, ${text.query}) ELSE 0 END`;
    branches.push(sql`SELECT ${columns(rank)} FROM ${practices} WHERE ${and(sql`${practices.search} @@ ${text.query}`, opaque)}`);
    if (text.fuzzy) {
      // Typo tolerance is the fallback of a search that found fewer than FUZZY_BELOW practices by their words: the
      // trigram branch is gated by a one-time test (the index match stopped at FUZZY_BELOW rows), so a common word
      // does not pay for rechecking every title that looks like it.
      const few = sql`(SELECT count(*) FROM (SELECT 1 FROM ${practices} WHERE ${and(sql`${practices.search} @@ ${text.query}`, opaque)} LIMIT ${FUZZY_BELOW}) AS found) < ${FUZZY_BELOW}`;
      const similar = sql`CASE WHEN ${passesAll} THEN 0.05::float8 * word_similarity(${text.fuzzy}, ${practices.titleKey}) ELSE 0 END`;
      branches.push(sql`SELECT ${columns(similar)} FROM ${practices} WHERE ${and(few, sql`${practices.titleKey} %> ${text.fuzzy}`, sql`NOT (${practices.search} @@ ${text.query})`, opaque)}`);
    }
  } else {
    branches.push(sql`SELECT ${columns(sql`0`)} FROM ${practices} WHERE ${scope ?? sql`true`}`);
  }

  const ok = (facets: readonly Facet[]) => {
    const list = facets.filter((f) => tests[f]).map((f) => col(OK_COLUMN[f]));
    return list.length ? sql.join(list, sql` AND `) : sql`true`;
  };
  const order = sort === 'relevance' ? sql`m.rank DESC, m.updated_at DESC, m.id` : sql`m.sort_date DESC, m.id`;
  // Every count in one pass over the matches: the total, then each facet value's count among the rows that pass
  // the other facets' filters (FACET_VALUES order).
  const tallies = [sql`count(*) FILTER (WHERE ${ok(FACETS)})`];
  if (withCounts) {
    for (const facet of FACETS) {
      const others = ok(FACETS.filter((f) => f !== facet));
      for (const value of FACET_VALUES[facet]) {
        const has = facet === 'riskFactor' ? sql`${value} = ANY(m.risk_factors)` : sql`${col(FACET_COLUMN[facet])} = ${value}`;
        tallies.push(sql`count(*) FILTER (WHERE ${others} AND ${has})`);
      }
    }
  }
  const query = sql`WITH m AS MATERIALIZED (${sql.join(branches, sql` UNION ALL `)})
    (SELECT m.id::text AS id, m.rank AS rank, NULL::int[] AS tallies FROM m WHERE ${ok(FACETS)} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize})
    UNION ALL (SELECT NULL, NULL, ARRAY[${sql.join(tallies, sql`, `)}]::int[] FROM m)`;

  const run = async (db: Executor) => {
    // The match set of a common word is most of a region (thousands of rows): kept in memory, not in a temp file.
    await db.execute(text ? sql`SELECT set_config('work_mem', '32MB', true), set_config('enable_seqscan', 'off', true)` : sql`SELECT set_config('work_mem', '32MB', true)`);
    const result = await db.execute<{ id: string | null; rank: number | null; tallies: number[] | null }>(query);
    const ranked: { id: string; rank: number }[] = [];
    let numbers: number[] = [];
    for (const row of result.rows) {
      if (row.tallies) numbers = row.tallies.map(Number);
      else ranked.push({ id: row.id!, rank: Number(row.rank) });
    }
    const total = numbers[0] ?? 0;
    const counts: SearchResult['counts'] = { riskFactor: [], costBand: [], evidenceLevel: [], settlement: [], status: [] };
    if (withCounts) {
      let at = 1;
      for (const facet of FACETS) {
        for (const value of FACET_VALUES[facet]) {
          const count = numbers[at++] ?? 0;
          if (count > 0) counts[facet].push({ value, count });
        }
        counts[facet].sort((a, b) => b.count - a.count);
      }
    }
    const rows = await pageRows(db, ranked, text && options.snippets !== false ? text.query : null);
    return { rows, total, page, pageSize, counts };
  };
  // One transaction: the page and its rows come from one snapshot, and the settings end with it.
  return executor.transaction(run);
}

/** The page's rows in rank order, with their snippets when `query` is given. */
async function pageRows(executor: Executor, ranked: { id: string; rank: number }[], query: SQL | null): Promise<SearchRow[]> {
  if (ranked.length === 0) return [];
  const snippet = query
    ? sql<string>`ts_headline('russian', ${practices.summary} || ' ' || ${practices.body}, ${query}, ${`StartSel=${SNIPPET_START}, StopSel=${SNIPPET_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`})`
    : sql<string>`''`;
  const found = await executor
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
      snippet,
    })
    .from(practices)
    .innerJoin(organisations, eq(organisations.id, practices.schoolId))
    .where(inArray(practices.id, ranked.map((r) => r.id)));
  const byId = new Map(found.map((r) => [r.id, r]));
  return ranked.flatMap(({ id, rank }) => {
    const row = byId.get(id);
    return row ? [{ ...row, snippet: row.snippet ?? '', rank }] : [];
  });
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
