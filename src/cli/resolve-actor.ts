import type { AppDeps } from '../app/app-deps.ts';
import { DomainError } from '../domain/errors.ts';
import type { User } from '../domain/user.ts';
import { usersRepository } from '../storage/repositories/users-repository.ts';

/**
 * The account a CLI command acts as: `--as <email>`, else the first admin. The CLI runs on the
 * server's own machine with direct database access, so it acts with that account's rights.
 */
export async function resolveActor(deps: AppDeps, email: string | undefined): Promise<User> {
  const user = email
    ? (await usersRepository.findCredentialsByEmail(deps.db, email.toLowerCase()))?.user
    : await usersRepository.findFirstAdmin(deps.db);
  if (!user) {
    throw new DomainError(
      'NOT_FOUND',
      email
        ? `No account with email ${email}.`
        : 'No admin account yet: run `debrief user create --role admin …` or open the web app first.',
    );
  }
  return user;
}
