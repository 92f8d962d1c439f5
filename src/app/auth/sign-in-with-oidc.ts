import { DomainError } from '../../domain/errors.ts';
import type { User, UserRole } from '../../domain/user.ts';
import { usersRepository } from '../../storage/repositories/users-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { unmatchableHash } from '../passwords.ts';
import { type StartedSession, startSession } from './sessions.ts';

/** Who the identity provider says signed in (claims already verified by the OIDC client). */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email?: string | undefined;
  emailVerified: boolean;
  name?: string | undefined;
}

const maxEmail = 320;
const maxName = 200;

/**
 * Signs in a person the identity provider vouches for, with the role their groups map to
 * (`role`, from `roleForGroups`; undefined refuses). The account is found by `iss|sub`; the first
 * time, an existing account with the same *verified* email is linked, otherwise one is created
 * without a usable password. The provider is the source of truth for the role: it is updated on
 * every sign-in. A disabled account stays out.
 */
export async function signInWithOidc(
  deps: AppDeps,
  identity: OidcIdentity,
  role: UserRole | undefined,
): Promise<StartedSession> {
  if (role === undefined) {
    throw new DomainError(
      'FORBIDDEN',
      'Your groups at the identity provider give you no role in Debrief; ask an admin.',
    );
  }
  const subject = `${identity.issuer}|${identity.subject}`;
  return inTransaction(deps, async (tx) => {
    let user = await findOrLink(tx, identity, subject);
    if (!user) {
      user = await createAccount(tx, identity, subject, role);
    }
    if (user.disabled) {
      throw new DomainError('FORBIDDEN', 'This account is disabled; ask an admin.');
    }
    if (user.role !== role) {
      const from = user.role;
      user = await usersRepository.updateUser(tx.db, user.id, { role });
      await recordAudit(tx, {
        actorId: user.id,
        action: 'user.role_changed',
        subjectType: 'user',
        subjectId: user.id,
        data: { from, to: role, by: 'identity provider groups' },
      });
    }
    return startSession(tx, user);
  });
}

async function findOrLink(
  tx: AppDeps,
  identity: OidcIdentity,
  subject: string,
): Promise<User | undefined> {
  const linked = await usersRepository.findByOidcSubject(tx.db, subject);
  if (linked || !identity.email || !identity.emailVerified) {
    return linked;
  }
  const byEmail = await usersRepository.findCredentialsByEmail(tx.db, identity.email);
  if (byEmail) {
    await usersRepository.setOidcSubject(tx.db, byEmail.user.id, subject);
  }
  return byEmail?.user;
}

async function createAccount(
  tx: AppDeps,
  identity: OidcIdentity,
  subject: string,
  role: UserRole,
): Promise<User> {
  const email = identity.email?.slice(0, maxEmail);
  if (!email) {
    throw new DomainError(
      'FORBIDDEN',
      'The identity provider sent no email address; Debrief needs one to create your account.',
    );
  }
  if (await usersRepository.findCredentialsByEmail(tx.db, email)) {
    // The email is taken but the provider has not verified it: linking would let whoever
    // controls that provider account take over the local one.
    throw new DomainError(
      'FORBIDDEN',
      'An account with this email exists; the identity provider must verify the email to use it.',
    );
  }
  const user = await usersRepository.insertUser(tx.db, {
    id: tx.newId(),
    email,
    name: (identity.name?.trim() || email).slice(0, maxName),
    role,
    // Never matches any password: this account signs in through the identity provider.
    passwordHash: unmatchableHash,
    createdAt: tx.clock(),
    oidcSubject: subject,
  });
  await recordAudit(tx, {
    actorId: user.id,
    action: 'user.created',
    subjectType: 'user',
    subjectId: user.id,
    data: { role, via: 'oidc' },
  });
  return user;
}
