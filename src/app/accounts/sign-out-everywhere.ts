import { can } from '../../domain/authorization.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { credentialsRepository } from '../../storage/repositories/credentials-repository.ts';
import { usersRepository } from '../../storage/repositories/users-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';

/**
 * Ends every browser session of an account: the actor's own, or anyone's for an admin (a lost
 * laptop). API tokens are revoked one by one, since scripts depend on them.
 */
export async function signOutEverywhere(
  deps: AppDeps,
  actor: Actor,
  userId: string,
): Promise<{ sessionsEnded: number }> {
  if (userId !== actor.id && !can(actor, 'user.manage')) {
    throw new DomainError('FORBIDDEN', 'Only admins sign other people out.');
  }
  return inTransaction(deps, async (tx) => {
    if (!(await usersRepository.findUserById(tx.db, userId))) {
      throw new DomainError('NOT_FOUND', 'Account not found.');
    }
    const sessionsEnded = await credentialsRepository.deleteSessionsOfUser(tx.db, userId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.signed_out_everywhere',
      subjectType: 'user',
      subjectId: userId,
      data: { sessionsEnded },
    });
    return { sessionsEnded };
  });
}
