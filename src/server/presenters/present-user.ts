import { type TokenScope, tokenScopes, type UserDto } from '../../contracts/auth.ts';
import { can } from '../../domain/authorization.ts';
import type { User } from '../../domain/user.ts';

/** An account without secrets. */
export function presentUser(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
  };
}

/** The signed-in session as the web app needs it. */
export function presentSession(user: User, csrfToken: string | null) {
  return {
    user: presentUser(user),
    csrfToken,
    abilities: {
      createIncident: can(user, 'incident.create'),
      createPostmortem: can(user, 'postmortem.create'),
      manageUsers: can(user, 'user.manage'),
    },
  };
}

/** An API token without its secret. */
export function presentApiToken(token: {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}) {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scopes: token.scopes.filter((scope): scope is TokenScope =>
      (tokenScopes as readonly string[]).includes(scope),
    ),
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
