import { DomainError } from './errors.ts';

/** Failed sign-ins allowed for one account from one address within the window. */
export const signInFailuresPerAccount = 10;
/** Failed sign-ins allowed from one address across all accounts (password spraying). */
export const signInFailuresPerAddress = 30;
/** The window, in milliseconds. */
export const signInWindowMs = 15 * 60 * 1000;

/** The failed attempts already recorded within the window, oldest first. */
export interface RecentSignInFailures {
  /** For this email from this address. */
  account: readonly Date[];
  /** From this address, for any email. */
  address: readonly Date[];
}

/**
 * Throws RATE_LIMITED when another attempt would exceed either limit, with the seconds until
 * the oldest counted failure leaves the window. Pure: the caller loads the failures.
 */
export function assertSignInAllowed(recent: RecentSignInFailures, now: Date): void {
  const over = [
    recent.account.length >= signInFailuresPerAccount
      ? recent.account[recent.account.length - signInFailuresPerAccount]
      : undefined,
    recent.address.length >= signInFailuresPerAddress
      ? recent.address[recent.address.length - signInFailuresPerAddress]
      : undefined,
  ].filter((at): at is Date => at !== undefined);
  if (over.length === 0) {
    return;
  }
  const freedAt = Math.max(...over.map((at) => at.getTime() + signInWindowMs));
  throw new DomainError('RATE_LIMITED', 'Too many failed sign-ins; try again later.', {
    details: { retryAfterSeconds: Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000)) },
  });
}
