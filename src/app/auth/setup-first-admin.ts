import { sql } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import type { User } from '../../domain/user.ts';
import { usersRepository } from '../../storage/repositories/users-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { insertAccount } from './create-user.ts';

/** True while no account exists: the first visit sets up the first admin. */
export async function needsSetup(deps: AppDeps): Promise<boolean> {
  return (await usersRepository.countUsers(deps.db)) === 0;
}

/**
 * Creates the first admin. Refused once any account exists; an advisory lock makes two
 * simultaneous first visits produce one admin, not two.
 */
export async function setupFirstAdmin(
  deps: AppDeps,
  input: { email: string; name: string; password: string },
): Promise<User> {
  return inTransaction(deps, async (tx) => {
    await tx.db.execute(sql`select pg_advisory_xact_lock(4242001)`);
    if ((await usersRepository.countUsers(tx.db)) > 0) {
      throw new DomainError('SETUP_ALREADY_DONE', 'Debrief is already set up; sign in instead.');
    }
    return insertAccount(tx, { ...input, role: 'admin' }, null);
  });
}
