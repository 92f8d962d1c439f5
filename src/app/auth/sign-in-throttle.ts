import { assertSignInAllowed, signInWindowMs } from '../../domain/sign-in-throttle.ts';
import { signInFailuresRepository } from '../../storage/repositories/sign-in-failures-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';

/** Who is trying to sign in, and from where (the client address, proxies resolved). */
export interface SignInAttempt {
  email: string;
  address: string;
}

/**
 * Counts an attempt before its password is hashed: in one transaction, under a lock per address,
 * refuse when a limit is reached, otherwise record the attempt as a failure. Concurrent guesses
 * are therefore all counted before any of them is evaluated.
 */
export async function reserveSignInAttempt(deps: AppDeps, attempt: SignInAttempt): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const now = tx.clock();
    const since = new Date(now.getTime() - signInWindowMs);
    await signInFailuresRepository.lockAddress(tx.db, attempt.address);
    assertSignInAllowed(await signInFailuresRepository.findRecent(tx.db, attempt, since), now);
    await signInFailuresRepository.insert(tx.db, { ...attempt, attemptedAt: now });
    await signInFailuresRepository.deleteOlderThan(tx.db, since);
  });
}

/** After a correct password: this account's failures from this address no longer count. */
export async function forgetSignInFailures(deps: AppDeps, attempt: SignInAttempt): Promise<void> {
  await signInFailuresRepository.clearAccount(deps.db, attempt);
}
