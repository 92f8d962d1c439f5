import { can } from '../../domain/authorization.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { credentialsRepository } from '../../storage/repositories/credentials-repository.ts';
import { passwordResetsRepository } from '../../storage/repositories/password-resets-repository.ts';
import { usersRepository } from '../../storage/repositories/users-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { hashPassword } from '../passwords.ts';
import { hashSecret, newSecret } from '../secrets.ts';

/** How long an admin-issued reset link works. */
export const passwordResetLifetimeMs = 24 * 60 * 60 * 1000;
/** Prefix of reset secrets, so that a leaked one is recognisable. */
export const resetTokenPrefix = 'drs_';

/**
 * An admin issues a one-time reset link for an account. Earlier unused links of the account
 * stop working; the secret is returned once and only its hash is stored.
 */
export async function issuePasswordReset(
  deps: AppDeps,
  actor: Actor,
  userId: string,
): Promise<{ token: string; expiresAt: Date }> {
  if (!can(actor, 'user.manage')) {
    throw new DomainError('FORBIDDEN', 'Only admins issue password resets.');
  }
  return inTransaction(deps, async (tx) => {
    if (!(await usersRepository.findUserById(tx.db, userId))) {
      throw new DomainError('NOT_FOUND', 'Account not found.');
    }
    const now = tx.clock();
    const token = `${resetTokenPrefix}${newSecret()}`;
    const expiresAt = new Date(now.getTime() + passwordResetLifetimeMs);
    await passwordResetsRepository.invalidateForUser(tx.db, userId, now);
    await passwordResetsRepository.insert(tx.db, {
      id: hashSecret(token),
      userId,
      issuedBy: actor.id,
      createdAt: now,
      expiresAt,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.password_reset_issued',
      subjectType: 'user',
      subjectId: userId,
    });
    return { token, expiresAt };
  });
}

/**
 * Sets a new password with a reset link: once, before it expires, for an enabled account. Every
 * session of the account ends, since whoever held the old password may hold one. Returns the
 * account's id.
 */
export async function redeemPasswordReset(
  deps: AppDeps,
  input: { token: string; password: string },
): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(deps, async (tx) => {
    const now = tx.clock();
    const reset = await passwordResetsRepository.claim(tx.db, hashSecret(input.token), now);
    const user = reset ? await usersRepository.findUserById(tx.db, reset.userId) : undefined;
    if (!reset || !user || user.disabled) {
      throw new DomainError(
        'RESET_LINK_INVALID',
        'This reset link is not valid: it was used, has expired, or was replaced.',
      );
    }
    await usersRepository.setPasswordHash(tx.db, user.id, passwordHash);
    await credentialsRepository.deleteSessionsOfUser(tx.db, user.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: user.id,
    });
    return { userId: user.id };
  });
}
