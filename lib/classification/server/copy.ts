/**
 * COPY in PostgreSQL's text format, for reading and loading millions of rows without the driver's per-row
 * parsing: `copyOut` streams a query's rows as byte ranges that the caller decodes field by field, `copyIn`
 * loads encoded lines. Both work on a real server and through the embedded server (pglite-socket).
 *
 * No 'server-only': the benchmark script (tsx) uses these too.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo, type CopyStreamQuery, type CopyToStreamQuery } from 'pg-copy-streams';
import type { getPool } from '@/lib/db/client';

type Pool = ReturnType<typeof getPool>;
/** A connected client (pooled or not, possibly inside a transaction). */
export interface CopyClient {
  query<T extends CopyStreamQuery | CopyToStreamQuery>(stream: T): T;
}

/** 10^0 … 10^15, all exact doubles. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);
const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 92;

/** The current row of a COPY text stream: fields are byte ranges of `buffer`. */
export class CopyRow {
  buffer: Buffer = Buffer.alloc(0);
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  isNull(i: number): boolean {
    const s = this.starts[i]!;
    return this.ends[i]! - s === 2 && this.buffer[s] === BACKSLASH && this.buffer[s + 1] === 78;
  }

  /** An integer field, null for \N. */
  int(i: number): number | null {
    if (this.isNull(i)) return null;
    const b = this.buffer;
    let p = this.starts[i]!;
    const end = this.ends[i]!;
    const negative = b[p] === 45;
    if (negative) p++;
    let value = 0;
    for (; p < end; p++) value = value * 10 + b[p]! - 48;
    return negative ? -value : value;
  }

  /**
   * A floating-point field, exactly as the driver parses it (parseFloat of the server's text). Plain decimals of
   * up to 15 digits take the exact fast path: both the digits and the power of ten are exact doubles, so one
   * division rounds correctly; anything else (exponents, NaN, Infinity, long digit strings) goes through Number.
   */
  float(i: number): number | null {
    if (this.isNull(i)) return null;
    const b = this.buffer;
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    let p = start;
    const negative = b[p] === 45;
    if (negative) p++;
    let digits = 0;
    let decimals = -1;
    let value = 0;
    for (; p < end; p++) {
      const c = b[p]!;
      if (c === 46 && decimals < 0) decimals = 0;
      else if (c >= 48 && c <= 57 && digits < 15) {
        value = value * 10 + c - 48;
        digits++;
        if (decimals >= 0) decimals++;
      } else break;
    }
    if (p < end || digits === 0) return Number(b.toString('latin1', start, end));
    const result = decimals > 0 ? value / POWERS_OF_TEN[decimals]! : value;
    return negative ? -result : result;
  }

  bool(i: number): boolean | null {
    return this.isNull(i) ? null : this.buffer[this.starts[i]!] === 116;
  }

  text(i: number): string | null {
    if (this.isNull(i)) return null;
    const raw = this.buffer.toString('utf8', this.starts[i]!, this.ends[i]!);
    return raw.includes('\\') ? unescapeText(raw) : raw;
  }

  /** True when field i has exactly the ASCII bytes of `ascii` (compares without building a string). */
  equals(i: number, ascii: string): boolean {
    const s = this.starts[i]!;
    if (this.ends[i]! - s !== ascii.length) return false;
    for (let k = 0; k < ascii.length; k++) if (this.buffer[s + k] !== ascii.charCodeAt(k)) return false;
    return true;
  }
}

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

function unescapeText(raw: string): string {
  return raw.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
}

/** Splits complete lines of `chunk` into fields and calls `onRow`; returns the bytes of an unfinished line. */
function parseLines(chunk: Buffer, row: CopyRow, onRow: (row: CopyRow) => void): Buffer {
  row.buffer = chunk;
  let lineStart = 0;
  let fieldStart = 0;
  let field = 0;
  for (let p = 0; p < chunk.length; p++) {
    const c = chunk[p];
    if (c === TAB) {
      row.starts[field] = fieldStart;
      row.ends[field++] = p;
      fieldStart = p + 1;
    } else if (c === NEWLINE) {
      row.starts[field] = fieldStart;
      row.ends[field] = p;
      onRow(row);
      field = 0;
      lineStart = fieldStart = p + 1;
    }
  }
  return chunk.subarray(lineStart);
}

/** Streams the rows of `COPY (query) TO STDOUT` to `onRow`; the row object is reused, read it synchronously. */
export async function copyOut(pool: Pool, query: string, onRow: (row: CopyRow) => void): Promise<void> {
  const client = await pool.connect();
  try {
    const stream = client.query(copyTo(`COPY (${query}) TO STDOUT`));
    const row = new CopyRow();
    let rest: Buffer = Buffer.alloc(0);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      rest = parseLines(rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk, row, onRow);
    }
    if (rest.length > 0) throw new Error('COPY: неполная строка в конце потока');
  } finally {
    client.release();
  }
}

/** A value in COPY text format: \N for null, t/f, numbers as JavaScript prints them, text escaped. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

/** Loads rows with `COPY table (columns) FROM STDIN`; `client` may be inside a transaction. */
export async function copyIn(client: CopyClient, table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(encodeLines(rows)), stream);
}

/** Lines grouped into ~1 MB strings: one stream write per group, not per row. */
function* encodeLines(rows: Iterable<readonly unknown[]>): Generator<string> {
  let block = '';
  for (const row of rows) {
    block += `${row.map(copyValue).join('\t')}\n`;
    if (block.length > 1 << 20) {
      yield block;
      block = '';
    }
  }
  if (block) yield block;
}
