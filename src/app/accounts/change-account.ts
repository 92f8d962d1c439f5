import type { UpdateUserBody } from '../../contracts/accounts.ts';
import { can } from '../../domain/authorization.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor, User } from '../../domain/user.ts';
import { credentialsRepository } from '../../storage/repositories/credentials-repository.ts';
import { usersRepository } from '../../storage/repositories/users-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';

/**
 * An admin renames an account, changes its role, or disables/enables it. Disabling ends the
 * account's sessions at once (its tokens already stop working while it is disabled). The last
 * enabled admin can be neither demoted nor disabled, so Debrief never ends up unmanageable.
 */
export async function changeAccount(
  deps: AppDeps,
  actor: Actor,
  userId: string,
  input: UpdateUserBody,
): Promise<User> {
  if (!can(actor, 'user.manage')) {
    throw new DomainError('FORBIDDEN', 'Only admins change accounts.');
  }
  return inTransaction(deps, async (tx) => {
    await usersRepository.lockAdmins(tx.db);
    const current = await usersRepository.findUserById(tx.db, userId);
    if (!current) {
      throw new DomainError('NOT_FOUND', 'Account not found.');
    }
    const next = { ...current, ...input };
    const losesAdmin =
      current.role === 'admin' && !current.disabled && (next.role !== 'admin' || next.disabled);
    if (losesAdmin && (await usersRepository.countEnabledAdmins(tx.db)) <= 1) {
      throw new DomainError('INVARIANT_VIOLATED', 'Keep at least one enabled admin.', {
        details: { rule: 'LAST_ADMIN' },
      });
    }
    const saved = await usersRepository.updateUser(tx.db, userId, input);
    const sessionsEnded =
      input.disabled === true ? await credentialsRepository.deleteSessionsOfUser(tx.db, userId) : 0;
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.disabled === true ? 'user.disabled' : 'user.updated',
      subjectType: 'user',
      subjectId: userId,
      data: {
        fields: Object.keys(input),
        ...(input.role ? { role: input.role } : {}),
        ...(input.disabled === undefined ? {} : { disabled: input.disabled, sessionsEnded }),
      },
    });
    return saved;
  });
}
