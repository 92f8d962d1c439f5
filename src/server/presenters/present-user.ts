import type { UserDto } from '../../contracts/auth.ts';
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
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}) {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
