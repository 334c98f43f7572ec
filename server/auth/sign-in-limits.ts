import { createThrottle, THROTTLE_MAX_KEYS } from './throttle';

export type SignInLimitSettings = {
  /** Failed sign-ins per client address (whatever the user names) per window. */
  perAddress: number;
  /** Failed sign-ins for one user from one address per window; also where the user's backoff starts. */
  perUser: number;
  windowMs: number;
};

/** The first backoff once a user has `perUser` failures from anywhere; it doubles with each more. */
export const BACKOFF_START_MS = 1_000;

/** A refusal: how long until the caller may try again. */
export type Limited = { retryAfterSeconds: number };

/**
 * Password guesses, counted as FAILURES (a right password costs nothing): per address, per user and
 * address, and per user from anywhere. The last sets a backoff that doubles with every failure (up
 * to the window) and holds back only addresses that have already failed for that user — so a
 * botnet guessing one account slows itself down, yet cannot keep the user out: from an address
 * with no failures of its own, the right password always gets checked.
 */
export function createSignInLimits(settings: SignInLimitSettings, now: () => number = Date.now) {
  const { windowMs } = settings;
  const byAddress = createThrottle(settings.perAddress, windowMs, now);
  const byUserAddress = createThrottle(settings.perUser, windowMs, now);
  const byUser = createThrottle(Number.MAX_SAFE_INTEGER, windowMs, now);
  // Map order is the order of the last failure, so the oldest go first when it is full.
  const backoffUntil = new Map<string, number>();
  const pair = (user: string, address: string) => `${user}\n${address}`;

  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

  return {
    /** Whether `user` may be tried from `address` now; a refusal says for how long not. */
    check(user: string, address: string): Limited | undefined {
      if (byAddress.exhausted(address)) return { retryAfterSeconds: byAddress.retryAfter(address) };
      const key = pair(user, address);
      if (byUserAddress.exhausted(key)) return { retryAfterSeconds: byUserAddress.retryAfter(key) };
      const until = backoffUntil.get(user) ?? 0;
      if (byUserAddress.count(key) > 0 && until > now()) return { retryAfterSeconds: seconds(until - now()) };
      return undefined;
    },

    /** A wrong password (or an unknown user) for `user` from `address`. */
    failed(user: string, address: string): void {
      byAddress.attempt(address);
      byUserAddress.attempt(pair(user, address));
      byUser.attempt(user);
      const beyond = byUser.count(user) - settings.perUser;
      if (beyond < 0) return;
      const backoff = Math.min(windowMs, BACKOFF_START_MS * 2 ** Math.min(beyond, 30));
      backoffUntil.delete(user);
      backoffUntil.set(user, now() + backoff);
      if (backoffUntil.size > THROTTLE_MAX_KEYS) backoffUntil.delete(backoffUntil.keys().next().value!);
    },

    /** The right password: the user's failures (and backoff) are forgiven, not the address's. */
    succeeded(user: string, address: string): void {
      byUserAddress.clear(pair(user, address));
      byUser.clear(user);
      backoffUntil.delete(user);
    },
  };
}

export type SignInLimits = ReturnType<typeof createSignInLimits>;
