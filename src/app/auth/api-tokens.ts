import type { TokenScope } from '../../contracts/auth.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor, User } from '../../domain/user.ts';
import { credentialsRepository } from '../../storage/repositories/credentials-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { hashSecret, newSecret } from '../secrets.ts';

/** Last-used times are written at most this often. */
const lastUsedResolutionMs = 60 * 1000;

/** Prefix of every token, so that leaked tokens are easy to spot and scan for. */
export const tokenPrefix = 'dbf_';

/**
 * Creates an API token for the actor; the secret is returned once and stored hashed. Scopes
 * default to read and write; an expiry must lie in the future.
 */
export async function createApiToken(
  deps: AppDeps,
  actor: Actor,
  input: { name: string; scopes?: TokenScope[]; expiresAt?: string },
) {
  return inTransaction(deps, async (tx) => {
    const now = tx.clock();
    const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt);
    if (expiresAt && expiresAt.getTime() <= now.getTime()) {
      throw new DomainError('VALIDATION_FAILED', 'The expiry must lie in the future.', {
        details: {
          errors: [{ path: 'body.expiresAt', code: 'custom', message: 'must lie in the future' }],
        },
      });
    }
    const token = `${tokenPrefix}${newSecret()}`;
    const record = {
      id: tx.newId(),
      userId: actor.id,
      name: input.name,
      tokenHash: hashSecret(token),
      prefix: token.slice(0, tokenPrefix.length + 6),
      scopes: input.scopes ?? ['read', 'write'],
      createdAt: now,
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    };
    await credentialsRepository.insertApiToken(tx.db, record);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'api_token.created',
      subjectType: 'api_token',
      subjectId: record.id,
      data: { name: input.name, scopes: record.scopes, expires: expiresAt !== null },
    });
    return { ...record, token };
  });
}

/** The actor's tokens, without secrets. */
export async function listApiTokens(deps: AppDeps, actor: Actor) {
  return credentialsRepository.listApiTokens(deps.db, actor.id);
}

/** Revokes one of the actor's tokens. */
export async function revokeApiToken(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    if (!(await credentialsRepository.revokeApiToken(tx.db, actor.id, id, tx.clock()))) {
      throw new DomainError('NOT_FOUND', 'API token not found.');
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'api_token.revoked',
      subjectType: 'api_token',
      subjectId: id,
    });
  });
}

/** The account behind a live bearer token (not revoked, not expired) and what it may do. */
export async function resolveApiToken(
  deps: AppDeps,
  token: string,
): Promise<{ user: User; scopes: TokenScope[] } | undefined> {
  if (!token.startsWith(tokenPrefix)) {
    return undefined;
  }
  const now = deps.clock();
  const found = await credentialsRepository.findLiveApiToken(deps.db, hashSecret(token), now);
  if (!found || found.user.disabled) {
    return undefined;
  }
  // Last-used times are written at most once a minute, not on every request (as for sessions).
  const { token: record } = found;
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > lastUsedResolutionMs) {
    await credentialsRepository.touchApiToken(deps.db, record.id, now);
  }
  return { user: found.user, scopes: record.scopes as TokenScope[] };
}
