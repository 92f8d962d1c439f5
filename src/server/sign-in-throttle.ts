import { DomainError } from '../domain/errors.ts';

/** Failed sign-ins allowed per account and address within the window. */
export const signInFailuresAllowed = 10;
/** The window, in milliseconds. */
export const signInWindowMs = 15 * 60 * 1000;

/**
 * Slows password guessing: after too many failed sign-ins for one email from one address, further
 * attempts are refused until the window has passed. In memory, per server instance: enough to
 * make online guessing impractical without a shared store.
 */
export function createSignInThrottle(clock: () => Date) {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => {
    const since = clock().getTime() - signInWindowMs;
    const kept = (failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) {
      failures.delete(key);
    } else {
      failures.set(key, kept);
    }
    return kept;
  };
  return {
    /** Throws RATE_LIMITED when this key has used up its attempts. */
    assertAllowed(key: string): void {
      const kept = recent(key);
      if (kept.length >= signInFailuresAllowed) {
        const oldest = kept[0] ?? clock().getTime();
        const retryAfterSeconds = Math.ceil((oldest + signInWindowMs - clock().getTime()) / 1000);
        throw new DomainError('RATE_LIMITED', 'Too many failed sign-ins; try again later.', {
          details: { retryAfterSeconds },
        });
      }
    },
    recordFailure(key: string): void {
      failures.set(key, [...recent(key), clock().getTime()]);
    },
    recordSuccess(key: string): void {
      failures.delete(key);
    },
  };
}
