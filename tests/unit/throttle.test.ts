import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  admitAttempt,
  PAIR_POLICY,
  refundAttempt,
  retryAfterSeconds,
  type ThrottlePolicy,
  type ThrottleState,
  throttleMessage,
  waitAfter,
} from '@/lib/auth/throttle';

const MINUTE = 60_000;
const t0 = new Date('2026-11-23T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

/** Admits an attempt that must be allowed and returns the counter after it. */
function admitted(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const admission = admitAttempt(state, now, policy);
  if (!admission.allowed) throw new Error(`refused at ${now.toISOString()}`);
  return admission.next;
}

describe('sign-in throttle', () => {
  it('locks the account-and-address pair on the fifth attempt within the window, for fifteen minutes', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 4; i += 1) {
      state = admitted(state, at(i), PAIR_POLICY);
      expect(retryAfterSeconds(state, at(i))).toBe(0);
    }
    state = admitted(state, at(4), PAIR_POLICY);
    expect(admitAttempt(state, at(5), PAIR_POLICY)).toEqual({ allowed: false, retryAfter: 15 * 60 - 1 });
    expect(admitAttempt(state, at(4 + 15 * 60), PAIR_POLICY).allowed).toBe(true);
    expect(admitted(state, at(4 + 15 * 60), PAIR_POLICY).failures).toBe(1);
  });

  it('forgets attempts older than the window', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 4; i += 1) state = admitted(state, at(i), PAIR_POLICY);
    state = admitted(state, at(16 * 60), PAIR_POLICY);
    expect(state.failures).toBe(1);
    expect(retryAfterSeconds(state, at(16 * 60))).toBe(0);
  });

  it('never locks the account itself: after five attempts each further one waits 1, 2, 4 … s, at most a minute', () => {
    expect([1, 4, 5, 6, 7, 8, 12, 20].map((n) => waitAfter(n, ACCOUNT_POLICY))).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000, MINUTE, MINUTE]);
    let state: ThrottleState | null = null;
    let now = 0;
    for (let i = 0; i < 30; i += 1) {
      state = admitted(state, at(now), ACCOUNT_POLICY);
      const wait = retryAfterSeconds(state, at(now));
      expect(wait).toBeLessThanOrEqual(60);
      now += wait;
    }
  });

  it('a slowed account recovers after fifteen quiet minutes', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 8; i += 1) state = admitted(state, at(i * 60), ACCOUNT_POLICY);
    expect(admitted(state, at(7 * 60 + 15 * 60), ACCOUNT_POLICY).failures).toBe(1);
  });

  it('a success takes its attempt back from the address counter (an office behind one address is not locked by its own sign-ins)', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 100; i += 1) state = refundAttempt(admitted(state, at(i), ADDRESS_POLICY), ADDRESS_POLICY);
    expect(state!.failures).toBe(0);
    expect(retryAfterSeconds(state, at(100))).toBe(0);
  });

  it('admits exactly `free` attempts in a burst, whatever the policy and timing inside the window (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(PAIR_POLICY, ACCOUNT_POLICY, ADDRESS_POLICY),
        fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 40, maxLength: 40 }),
        (policy, offsets) => {
          // Forty attempts arriving within one second of each other (sorted milliseconds).
          const times = offsets.map((ms) => ms).sort((a, b) => a - b);
          let state: ThrottleState | null = null;
          let allowed = 0;
          for (const ms of times) {
            const admission = admitAttempt(state, new Date(t0.getTime() + ms), policy);
            if (admission.allowed) {
              allowed += 1;
              state = admission.next;
            }
          }
          return allowed === policy.free;
        },
      ),
    );
  });

  it('words the wait in Russian, seconds under a minute', () => {
    expect(throttleMessage(4)).toBe('Слишком много неудачных попыток входа. Повторите через 4 с.');
    expect(throttleMessage(899)).toBe('Слишком много неудачных попыток входа. Повторите через 15 мин.');
  });
});
