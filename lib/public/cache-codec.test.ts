import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, encode } from './cache-codec';

describe('public cache codec', () => {
  it('keeps dates as dates, at any depth, and everything else as JSON keeps it', () => {
    const page = { status: { publishedAt: new Date('2025-09-12T09:00:00Z'), year: 2025 }, history: [{ at: new Date(0) }], none: null, name: 'Школа № 5' };
    const back = decode<typeof page>(encode(page));
    expect(back).toEqual(page);
    expect(back.status.publishedAt).toBeInstanceOf(Date);
    expect(back.history[0]!.at.getTime()).toBe(0);
  });

  it('round-trips any JSON value with dates inside', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.date({ noInvalidDate: true }),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string().filter((k) => k !== '$date' && k !== '__proto__'), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(fc.property(value, (v) => {
      expect(decode(encode(v))).toEqual(v);
    }));
  });
});
