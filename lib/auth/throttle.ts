/**
 * Sign-in throttling as pure arithmetic over counter rows. Every attempt is counted before its password is
 * checked (so parallel guesses cannot overtake the count), and a successful sign-in takes its count back.
 *
 * Three counters:
 * - the account from one address (`pair`): 5 attempts lock that pair hard for 15 minutes;
 * - the account from anywhere (`account`): never locked — after 5 attempts each further one must wait, 1 s, 2 s,
 *   4 s… up to a minute, so guesses from many addresses are slowed while nobody can lock the owner out;
 * - the address against any account (`address`): 20 attempts lock the address for 15 minutes.
 *
 * The store (throttle-store.ts) keeps the rows in the database, so every server process shares them.
 */
export interface ThrottlePolicy {
  /** `lock`: the key is refused for `lockMs` once it reaches `free` attempts. `slow`: a growing wait instead. */
  kind: 'lock' | 'slow';
  /** Attempts admitted without any wait. */
  free: number;
  /** `lock`: attempts older than this are forgotten. `slow`: the count is forgotten after this long without attempts. */
  windowMs: number;
  /** `lock`: how long the lock lasts. `slow`: the longest wait. */
  lockMs: number;
  /** `slow`: the first wait; it doubles with each further attempt. */
  stepMs?: number;
}

/**
 * One counter row. `lockedUntil` is the earliest moment of the next admitted attempt; `windowStartedAt` is the
 * first attempt of the window (`lock`) or the latest attempt (`slow`).
 */
export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

const MINUTE = 60_000;
export const PAIR_POLICY: ThrottlePolicy = { kind: 'lock', free: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
export const ACCOUNT_POLICY: ThrottlePolicy = { kind: 'slow', free: 5, windowMs: 15 * MINUTE, lockMs: MINUTE, stepMs: 1_000 };
export const ADDRESS_POLICY: ThrottlePolicy = { kind: 'lock', free: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** Seconds until the key may try again, or 0 when it may try now. */
export function retryAfterSeconds(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  const ms = state.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** The wait that follows the `attempts`-th attempt (0: none). */
export function waitAfter(attempts: number, policy: ThrottlePolicy): number {
  if (attempts < policy.free) return 0;
  if (policy.kind === 'lock') return policy.lockMs;
  return Math.min((policy.stepMs ?? 1_000) * 2 ** (attempts - policy.free), policy.lockMs);
}

export type Admission = { allowed: true; next: ThrottleState } | { allowed: false; retryAfter: number };

/** Whether one more attempt may be made now, and the counter after it (counted as a failure until it succeeds). */
export function admitAttempt(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): Admission {
  const retryAfter = retryAfterSeconds(state, now);
  if (retryAfter > 0) return { allowed: false, retryAfter };
  const t = now.getTime();
  const fresh =
    state === null ||
    t - state.windowStartedAt.getTime() >= policy.windowMs ||
    (policy.kind === 'lock' && state.lockedUntil !== null); // a lock that has run out starts a new window
  const attempts = fresh ? 1 : state.failures + 1;
  const windowStartedAt = policy.kind === 'slow' || fresh ? now : state.windowStartedAt;
  const wait = waitAfter(attempts, policy);
  return { allowed: true, next: { failures: attempts, windowStartedAt, lockedUntil: wait > 0 ? new Date(t + wait) : null } };
}

/** The counter after an admitted attempt turned out to be a successful sign-in: the attempt is taken back. */
export function refundAttempt(state: ThrottleState, policy: ThrottlePolicy): ThrottleState {
  const failures = Math.max(0, state.failures - 1);
  return { ...state, failures, lockedUntil: failures < policy.free ? null : state.lockedUntil };
}

export function throttleMessage(seconds: number): string {
  if (seconds < 60) return `Слишком много неудачных попыток входа. Повторите через ${seconds} с.`;
  const minutes = Math.ceil(seconds / 60);
  return `Слишком много неудачных попыток входа. Повторите через ${minutes} мин.`;
}
