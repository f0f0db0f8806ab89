/**
 * COPY for reading and loading millions of rows without the driver's per-row parsing: `copyOut` streams a
 * query's rows in the binary format as byte ranges that the caller decodes field by field, `copyIn` loads
 * lines in the text format. Both work on a real server and through the embedded server (pglite-socket).
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

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Signature, flags and header-extension length. */
const HEADER_BYTES = SIGNATURE.length + 8;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A float4 exactly as PostgreSQL prints it (the shortest decimal that reads back as the same float4), as a
 * double: what the driver's parseFloat of the text would give. Scores repeat, so conversions are memoised.
 */
const float4Cache = new Map<number, number>();
const float4Bits = new DataView(new ArrayBuffer(4));
export function float4Value(bits: number): number {
  let value = float4Cache.get(bits);
  if (value !== undefined) return value;
  float4Bits.setUint32(0, bits);
  const exact = float4Bits.getFloat32(0);
  value = exact;
  if (Number.isFinite(exact) && exact !== 0) {
    for (let digits = 1; digits <= 9; digits++) {
      const candidate = Number(exact.toPrecision(digits));
      if (Math.fround(candidate) === exact) {
        value = candidate;
        break;
      }
    }
  }
  if (float4Cache.size > 1_000_000) float4Cache.clear();
  float4Cache.set(bits, value);
  return value;
}

/**
 * The current row of a binary COPY stream (`COPY … TO STDOUT (FORMAT binary)`): no text formatting on the
 * server, fixed-width numbers here. Field `i` is `lengths[i]` bytes of `buffer` at `starts[i]`; −1 is null.
 * The readers expect the column types the query casts to (int4, float4, bool, uuid, text).
 */
export class CopyRow {
  buffer: Buffer = Buffer.alloc(0);
  readonly starts: number[] = [];
  readonly lengths: number[] = [];

  /** An int4 field. */
  int(i: number): number | null {
    return this.lengths[i] === -1 ? null : this.buffer.readInt32BE(this.starts[i]!);
  }

  /** A float4 field, as its text would read (see float4Value). */
  float(i: number): number | null {
    return this.lengths[i] === -1 ? null : float4Value(this.buffer.readUInt32BE(this.starts[i]!));
  }

  bool(i: number): boolean | null {
    return this.lengths[i] === -1 ? null : this.buffer[this.starts[i]!] === 1;
  }

  text(i: number): string | null {
    return this.lengths[i] === -1 ? null : this.buffer.toString('utf8', this.starts[i]!, this.starts[i]! + this.lengths[i]!);
  }

  /** A uuid field in its usual text form. */
  uuid(i: number): string | null {
    if (this.lengths[i] === -1) return null;
    const b = this.buffer;
    const s = this.starts[i]!;
    let out = '';
    for (let k = 0; k < 16; k++) out += (k === 4 || k === 6 || k === 8 || k === 10 ? '-' : '') + HEX[b[s + k]!];
    return out;
  }

  /** True when field i has exactly the ASCII bytes of `ascii`. */
  equals(i: number, ascii: string): boolean {
    const s = this.starts[i]!;
    if (this.lengths[i] !== ascii.length) return false;
    for (let k = 0; k < ascii.length; k++) if (this.buffer[s + k] !== ascii.charCodeAt(k)) return false;
    return true;
  }
}

/**
 * Calls `onRow` for every complete tuple of `chunk` from `offset`; returns the offset of the first incomplete
 * one, or −1 at the trailer.
 */
function parseTuples(chunk: Buffer, offset: number, row: CopyRow, onRow: (row: CopyRow) => void): number {
  row.buffer = chunk;
  let p = offset;
  while (p + 2 <= chunk.length) {
    const fields = chunk.readInt16BE(p);
    if (fields === -1) return -1;
    let q = p + 2;
    let complete = true;
    for (let f = 0; f < fields; f++) {
      if (q + 4 > chunk.length) {
        complete = false;
        break;
      }
      const length = chunk.readInt32BE(q);
      q += 4;
      row.starts[f] = q;
      row.lengths[f] = length;
      if (length > 0) q += length;
      if (q > chunk.length) {
        complete = false;
        break;
      }
    }
    if (!complete) break;
    onRow(row);
    p = q;
  }
  return p;
}

/**
 * Decodes a binary COPY stream fed in chunks of any size: header, tuples (a tuple split between chunks waits
 * for the rest), trailer.
 */
export class BinaryCopyReader {
  private readonly row = new CopyRow();
  private pending: Buffer | null = null;
  private headerRead = false;
  private ended = false;

  constructor(private readonly onRow: (row: CopyRow) => void) {}

  push(received: Buffer): void {
    const chunk = this.pending ? Buffer.concat([this.pending, received]) : received;
    this.pending = null;
    if (this.ended) return;
    let offset = 0;
    if (!this.headerRead) {
      if (chunk.length < HEADER_BYTES) {
        this.pending = chunk;
        return;
      }
      if (!chunk.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('COPY: неожиданный заголовок двоичного потока');
      offset = HEADER_BYTES + chunk.readInt32BE(SIGNATURE.length + 4);
      this.headerRead = true;
    }
    const next = parseTuples(chunk, offset, this.row, this.onRow);
    if (next === -1) this.ended = true;
    else if (next < chunk.length) this.pending = chunk.subarray(next);
  }

  /** Throws when the stream stopped before its trailer. */
  end(): void {
    if (!this.ended) throw new Error('COPY: поток оборвался до конца данных');
  }
}

/** Streams the rows of `COPY (query) TO STDOUT (FORMAT binary)` to `onRow`; the row object is reused, read it synchronously. */
export async function copyOut(pool: Pool, query: string, onRow: (row: CopyRow) => void): Promise<void> {
  const client = await pool.connect();
  try {
    const reader = new BinaryCopyReader(onRow);
    for await (const chunk of client.query(copyTo(`COPY (${query}) TO STDOUT (FORMAT binary)`)) as AsyncIterable<Buffer>) reader.push(chunk);
    reader.end();
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
