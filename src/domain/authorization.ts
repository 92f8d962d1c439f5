import type { Actor } from './user.ts';

/** Everything an actor may try to do. */
export const actions = [
  'incident.read',
  'incident.create',
  'incident.update',
  'incident.manage_members',
  'postmortem.read',
  'postmortem.create',
  'postmortem.update',
  'postmortem.change_phase',
  'postmortem.manage_members',
  'user.manage',
  'token.manage_own',
] as const;
export type Action = (typeof actions)[number];

/** What authorization needs to know about a record: is it restricted, and to whom. */
export interface AccessScope {
  restricted: boolean;
  memberIds: readonly string[];
}

/** True when the actor may see the record at all. Restricted records are for members and admins. */
export function canSee(actor: Actor, scope: AccessScope): boolean {
  return !scope.restricted || actor.role === 'admin' || scope.memberIds.includes(actor.id);
}

/**
 * The authorization policy. Pure: the caller loads the record's scope. Writes need the
 * `member` role (or `admin`) and sight of the record; member lists and accounts are admin
 * matters, except that members of a restricted record may manage its member list.
 */
export function can(actor: Actor, action: Action, scope?: AccessScope): boolean {
  const visible = scope ? canSee(actor, scope) : true;
  const writer = actor.role === 'admin' || actor.role === 'member';
  switch (action) {
    case 'incident.read':
    case 'postmortem.read':
      return visible;
    case 'incident.create':
    case 'postmortem.create':
      return writer;
    case 'incident.update':
    case 'postmortem.update':
    case 'postmortem.change_phase':
      return writer && visible;
    case 'incident.manage_members':
    case 'postmortem.manage_members':
      return writer && visible && (actor.role === 'admin' || Boolean(scope?.restricted));
    case 'user.manage':
      return actor.role === 'admin';
    case 'token.manage_own':
      return true;
    default: {
      const unreachable: never = action;
      throw new Error(`Unhandled action ${String(unreachable)}`);
    }
  }
}

/**
 * True when a change of restriction or members leaves the actor able to see the record. A change
 * that would lock its own author out is refused: it would hide the record from everyone but the
 * new members, and the author could not even undo it.
 */
export function keepsActorInside(actor: Actor, next: AccessScope): boolean {
  return canSee(actor, next);
}
