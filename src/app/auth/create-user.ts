import type { CreateUserBody } from '../../contracts/auth.ts';
import { can } from '../../domain/authorization.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor, User } from '../../domain/user.ts';
import { usersRepository } from '../../storage/repositories/users-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { hashPassword } from '../passwords.ts';

/** Inserts an account; ALREADY_EXISTS when the email is taken. Runs in the caller's transaction. */
export async function insertAccount(
  deps: AppDeps,
  input: CreateUserBody,
  actorId: string | null,
): Promise<User> {
  if (await usersRepository.findCredentialsByEmail(deps.db, input.email)) {
    throw new DomainError('ALREADY_EXISTS', 'An account with this email already exists.', {
      details: { field: 'email' },
    });
  }
  const user = await usersRepository.insertUser(deps.db, {
    id: deps.newId(),
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    createdAt: deps.clock(),
  });
  await recordAudit(deps, {
    actorId: actorId ?? user.id,
    action: 'user.created',
    subjectType: 'user',
    subjectId: user.id,
    data: { role: user.role },
  });
  return user;
}

/** An admin creates an account. */
export async function createUser(
  deps: AppDeps,
  actor: Actor,
  input: CreateUserBody,
): Promise<User> {
  if (!can(actor, 'user.manage')) {
    throw new DomainError('FORBIDDEN', 'Only admins create accounts.');
  }
  return inTransaction(deps, (tx) => insertAccount(tx, input, actor.id));
}
