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
 * double: what the driver's parseFloat of the text would give. Scores repeat, so conversions are remembered in
 * a direct-mapped table (the bits are mostly beyond small-integer range, where a Map is slow to hash them).
 */
export function float4Value(bits: number): number {
  const slot = (bits ^ (bits >>> 15)) & (FLOAT_CACHE_SIZE - 1);
  if (cachedFilled[slot] === 1 && cachedBits[slot] === (bits | 0)) return cachedValues[slot]!;
  const value = shortestFloat4(bits);
  cachedFilled[slot] = 1;
  cachedBits[slot] = bits | 0;
  cachedValues[slot] = value;
  return value;
}

const FLOAT_CACHE_SIZE = 1 << 16;
const cachedFilled = new Uint8Array(FLOAT_CACHE_SIZE);
const cachedBits = new Int32Array(FLOAT_CACHE_SIZE);
const cachedValues = new Float64Array(FLOAT_CACHE_SIZE);
const float4Bits = new DataView(new ArrayBuffer(4));

function shortestFloat4(bits: number): number {
  float4Bits.setUint32(0, bits);
  const exact = float4Bits.getFloat32(0);
  if (!Number.isFinite(exact) || exact === 0) return exact;
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(exact.toPrecision(digits));
    if (Math.fround(candidate) === exact) return candidate;
  }
  return exact;
}

/** Big-endian integers read byte by byte: on millions of fields this is faster than Buffer's checked readers. */
export const int32At = (b: Buffer, p: number): number => (b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!;
const int16At = (b: Buffer, p: number): number => ((b[p]! << 24) | (b[p + 1]! << 16)) >> 16;

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
    return this.lengths[i] === -1 ? null : int32At(this.buffer, this.starts[i]!);
  }

  /** A float4 field, as its text would read (see float4Value). */
  float(i: number): number | null {
    return this.lengths[i] === -1 ? null : float4Value(int32At(this.buffer, this.starts[i]!) >>> 0);
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

/** The end of the tuple at `p` of `chunk` when it is complete there, −1 at the trailer, null when it is cut off. */
function tupleEnd(chunk: Buffer, p: number, row: CopyRow): number | null {
  const end = chunk.length;
  if (p + 2 > end) return null;
  const fields = int16At(chunk, p);
  if (fields === -1) return -1;
  let q = p + 2;
  for (let f = 0; f < fields; f++) {
    if (q + 4 > end) return null;
    const length = int32At(chunk, q);
    q += 4;
    row.starts[f] = q;
    row.lengths[f] = length;
    if (length > 0 && (q += length) > end) return null;
  }
  return q;
}

/**
 * Calls `onRow` for every complete tuple of `chunk` from `offset`; returns the offset of the first incomplete
 * one, or −1 at the trailer.
 */
function parseTuples(chunk: Buffer, offset: number, row: CopyRow, onRow: (row: CopyRow) => void): number {
  row.buffer = chunk;
  let p = offset;
  for (;;) {
    const next = tupleEnd(chunk, p, row);
    if (next === null) return p;
    if (next === -1) return -1;
    onRow(row);
    p = next;
  }
}

/** Bytes of the next chunk joined to a cut-off tuple at first: tuples are far shorter, so chunks are rarely copied whole. */
const JOIN_BYTES = 4096;

/**
 * Decodes a binary COPY stream fed in chunks of any size: header, tuples, trailer. A tuple cut between chunks
 * is completed from the start of the next one; the rest of that chunk is read where it lies, not copied.
 */
export class BinaryCopyReader {
  private readonly row = new CopyRow();
  private pending: Buffer | null = null;
  private headerRead = false;
  private ended = false;

  constructor(private readonly onRow: (row: CopyRow) => void) {}

  push(received: Buffer): void {
    if (this.ended) return;
    const pending = this.pending;
    this.pending = null;
    const resumed = pending ? this.resume(pending, received) : { chunk: received, offset: 0 };
    if (!resumed) return;
    const { chunk } = resumed;
    let { offset } = resumed;
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

  /**
   * Where to go on after the bytes left over from the last chunk: the cut-off tuple completed from the start of
   * `received` (the rest of it then read in place), or both joined when the tuple (or the header) needs more;
   * null when the leftover was the start of the trailer.
   */
  private resume(pending: Buffer, received: Buffer): { chunk: Buffer; offset: number } | null {
    const joinedWhole = () => ({ chunk: Buffer.concat([pending, received]), offset: 0 });
    if (!this.headerRead) return joinedWhole();
    const joined = Buffer.concat([pending, received.subarray(0, JOIN_BYTES)]);
    this.row.buffer = joined;
    const end = tupleEnd(joined, 0, this.row);
    if (end === -1) {
      this.ended = true;
      return null;
    }
    if (end === null) return joinedWhole();
    this.onRow(this.row);
    return { chunk: received, offset: end - pending.length };
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
