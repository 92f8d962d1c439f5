import { isSelfApproval, type Participant } from '../../domain/participant.ts';
import type { Actor } from '../../domain/user.ts';

/** Anything a postmortem owns that is edited on its own, under its own version. */
export interface PostmortemPart {
  id: string;
  postmortemId: string;
  version: number;
}

const isParticipant = (part: PostmortemPart): part is Participant =>
  'approvedAt' in part && 'role' in part;

type Dated<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

/** Replaces every Date field with its ISO text. */
function isoDates<T extends object>(record: T): Dated<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out as Dated<T>;
}

/**
 * A part of a postmortem with the viewer's abilities; `update` comes from the postmortem's.
 * `authorBarredFromApproving` names the report's author when the policy refuses self-approval.
 */
export function presentPart<T extends PostmortemPart>(
  part: T,
  update: boolean,
  viewer: Actor,
  authorBarredFromApproving: string | null = null,
) {
  const abilities: Record<string, boolean> = { update, remove: update };
  if (isParticipant(part)) {
    abilities.approve =
      update &&
      part.role === 'reviewer' &&
      (viewer.role === 'admin' || part.userId === viewer.id) &&
      !isSelfApproval(part.userId, authorBarredFromApproving);
  }
  return { data: isoDates(part), abilities };
}
