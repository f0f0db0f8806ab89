import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_POLICY, registerFailure, retryAfterSeconds, type ThrottleState } from '@/lib/auth/throttle';

const t0 = new Date('2026-11-23T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('sign-in throttle', () => {
  it('locks an account on the fifth failure within the window, for fifteen minutes', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 4; i += 1) {
      state = registerFailure(state, at(i), ACCOUNT_POLICY);
      expect(retryAfterSeconds(state, at(i))).toBe(0);
    }
    state = registerFailure(state, at(4), ACCOUNT_POLICY);
    expect(retryAfterSeconds(state, at(4))).toBe(15 * 60);
    expect(retryAfterSeconds(state, at(4 + 15 * 60))).toBe(0);
  });

  it('forgets failures older than the window', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 4; i += 1) state = registerFailure(state, at(i), ACCOUNT_POLICY);
    state = registerFailure(state, at(16 * 60), ACCOUNT_POLICY);
    expect(state.failures).toBe(1);
    expect(retryAfterSeconds(state, at(16 * 60))).toBe(0);
  });

  it('never locks before the limit, whatever the timing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3600 }), { maxLength: ACCOUNT_POLICY.maxFailures - 1 }), (gaps) => {
        let state: ThrottleState | null = null;
        let now = 0;
        for (const gap of gaps) {
          now += gap;
          state = registerFailure(state, at(now), ACCOUNT_POLICY);
        }
        return retryAfterSeconds(state, at(now)) === 0;
      }),
    );
  });
});
