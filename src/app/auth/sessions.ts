import { DomainError } from '../../domain/errors.ts';
import type { User } from '../../domain/user.ts';
import { credentialsRepository } from '../../storage/repositories/credentials-repository.ts';
import { usersRepository } from '../../storage/repositories/users-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { unmatchableHash, verifyPassword } from '../passwords.ts';
import { hashSecret, newSecret } from '../secrets.ts';

/** How long a browser session lives. */
export const sessionLifetimeMs = 14 * 24 * 60 * 60 * 1000;

/** A session unused for this long is over (unless the server is configured otherwise). */
export const defaultSessionIdleTimeoutMs = 8 * 60 * 60 * 1000;
/** Last-seen times are written at most this often, not on every request. */
const lastSeenResolutionMs = 60 * 1000;

/** A new session: the cookie secret (never stored) and the CSRF token. */
export interface StartedSession {
  user: User;
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Starts a session for an account (after sign-in or setup). */
export async function startSession(deps: AppDeps, user: User): Promise<StartedSession> {
  const secret = newSecret();
  const csrfToken = newSecret();
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await credentialsRepository.insertSession(deps.db, {
    id: hashSecret(secret),
    userId: user.id,
    csrfToken,
    createdAt: now,
    expiresAt,
    lastSeenAt: now,
  });
  return { user, secret, csrfToken, expiresAt };
}

/** Checks email and password; the same error for an unknown email and a wrong password. */
export async function signIn(
  deps: AppDeps,
  input: { email: string; password: string },
): Promise<StartedSession> {
  const found = await usersRepository.findCredentialsByEmail(deps.db, input.email);
  const valid = await verifyPassword(input.password, found?.passwordHash ?? unmatchableHash);
  if (!found || !valid || found.user.disabled) {
    throw new DomainError('INVALID_CREDENTIALS', 'Email or password is not correct.');
  }
  await credentialsRepository.deleteExpiredSessions(deps.db, deps.clock());
  return startSession(deps, found.user);
}

/** Ends a session. */
export async function signOut(deps: AppDeps, secret: string): Promise<void> {
  await credentialsRepository.deleteSession(deps.db, hashSecret(secret));
}

/**
 * The account and CSRF token behind a session cookie, or `undefined` when it is not live: past
 * its lifetime, or idle for longer than `idleTimeoutMs` (then it is deleted).
 */
export async function resolveSession(
  deps: AppDeps,
  secret: string,
  idleTimeoutMs = defaultSessionIdleTimeoutMs,
): Promise<{ user: User; csrfToken: string } | undefined> {
  const now = deps.clock();
  const idHash = hashSecret(secret);
  const found = await credentialsRepository.findLiveSession(deps.db, idHash, now);
  if (!found) {
    return undefined;
  }
  const { session, user } = found;
  const idleMs = now.getTime() - (session.lastSeenAt ?? session.createdAt).getTime();
  if (idleMs > idleTimeoutMs) {
    await credentialsRepository.deleteSession(deps.db, idHash);
    return undefined;
  }
  if (idleMs > lastSeenResolutionMs) {
    await credentialsRepository.touchSession(deps.db, idHash, now);
  }
  return user.disabled ? undefined : { user, csrfToken: session.csrfToken };
}
