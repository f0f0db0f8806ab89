import { describe, expect, it } from 'vitest';
import { recentMemo } from './recent';

describe('recentMemo', () => {
  it('computes once per key while the key is among the last `size`, by identity', () => {
    const memo = recentMemo<object, number>(2);
    const [a, b, c] = [{}, {}, {}];
    let calls = 0;
    const get = (key: object, value: number) => memo(key, () => (calls++, value));
    expect([get(a, 1), get(b, 2), get(a, 9), get(b, 9)]).toEqual([1, 2, 1, 2]);
    expect(calls).toBe(2);
    expect(get(c, 3)).toBe(3);
    expect(get({}, 4)).toBe(4);
    expect(calls).toBe(4);
    expect(get(a, 5)).toBe(5);
    expect(calls).toBe(5);
  });
});
