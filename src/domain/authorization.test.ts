import { describe, expect, it } from 'vitest';
import { type AccessScope, type Action, actions, can, canSee } from './authorization.ts';
import type { Actor, UserRole } from './user.ts';

const actorOf = (role: UserRole): Actor => ({ id: `${role}-1`, role });

/** The scopes a record can present to an actor. `none` is an action on no record (e.g. create). */
const scopes = {
  none: undefined,
  public: { restricted: false, memberIds: [] },
  publicMember: { restricted: false, memberIds: ['admin-1', 'member-1', 'viewer-1'] },
  restrictedMember: { restricted: true, memberIds: ['admin-1', 'member-1', 'viewer-1'] },
  restrictedOutsider: { restricted: true, memberIds: ['someone-else'] },
} satisfies Record<string, AccessScope | undefined>;
type ScopeName = keyof typeof scopes;

const T = true;
const F = false;

/**
 * The policy as a table: per role and action, the answer for each scope in the order
 * none, public, publicMember, restrictedMember, restrictedOutsider.
 */
const matrix: Record<UserRole, Record<Action, [boolean, boolean, boolean, boolean, boolean]>> = {
  admin: {
    'incident.read': [T, T, T, T, T],
    'incident.create': [T, T, T, T, T],
    'incident.update': [T, T, T, T, T],
    'incident.manage_members': [T, T, T, T, T],
    'postmortem.read': [T, T, T, T, T],
    'postmortem.create': [T, T, T, T, T],
    'postmortem.update': [T, T, T, T, T],
    'postmortem.change_phase': [T, T, T, T, T],
    'postmortem.manage_members': [T, T, T, T, T],
    'user.manage': [T, T, T, T, T],
    'token.manage_own': [T, T, T, T, T],
  },
  member: {
    'incident.read': [T, T, T, T, F],
    'incident.create': [T, T, T, T, T],
    'incident.update': [T, T, T, T, F],
    'incident.manage_members': [F, F, F, T, F],
    'postmortem.read': [T, T, T, T, F],
    'postmortem.create': [T, T, T, T, T],
    'postmortem.update': [T, T, T, T, F],
    'postmortem.change_phase': [T, T, T, T, F],
    'postmortem.manage_members': [F, F, F, T, F],
    'user.manage': [F, F, F, F, F],
    'token.manage_own': [T, T, T, T, T],
  },
  viewer: {
    'incident.read': [T, T, T, T, F],
    'incident.create': [F, F, F, F, F],
    'incident.update': [F, F, F, F, F],
    'incident.manage_members': [F, F, F, F, F],
    'postmortem.read': [T, T, T, T, F],
    'postmortem.create': [F, F, F, F, F],
    'postmortem.update': [F, F, F, F, F],
    'postmortem.change_phase': [F, F, F, F, F],
    'postmortem.manage_members': [F, F, F, F, F],
    'user.manage': [F, F, F, F, F],
    'token.manage_own': [T, T, T, T, T],
  },
};

const scopeNames = Object.keys(scopes) as ScopeName[];
const rows = (Object.keys(matrix) as UserRole[]).flatMap((role) =>
  actions.flatMap((action) =>
    scopeNames.map((scope, i) => [role, action, scope, matrix[role][action][i]] as const),
  ),
);

describe('can', () => {
  it('has a row for every action', () => {
    for (const role of Object.keys(matrix) as UserRole[]) {
      expect(Object.keys(matrix[role]).sort()).toEqual([...actions].sort());
    }
  });

  it.each(rows)('%s %s on a %s record: %s', (role, action, scope, expected) => {
    expect(can(actorOf(role), action, scopes[scope])).toBe(expected);
  });

  it('throws on an action outside the list', () => {
    expect(() => can(actorOf('admin'), 'incident.delete' as Action)).toThrow();
  });
});

describe('canSee', () => {
  it('shows unrestricted records to everyone', () => {
    for (const role of ['admin', 'member', 'viewer'] as const) {
      expect(canSee(actorOf(role), scopes.public)).toBe(true);
    }
  });

  it('shows restricted records to their members and to admins only', () => {
    expect(canSee({ id: 'u1', role: 'viewer' }, { restricted: true, memberIds: ['u1'] })).toBe(
      true,
    );
    expect(canSee({ id: 'u2', role: 'member' }, { restricted: true, memberIds: ['u1'] })).toBe(
      false,
    );
    expect(canSee({ id: 'u3', role: 'admin' }, { restricted: true, memberIds: [] })).toBe(true);
  });
});
