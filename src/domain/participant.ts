/** The part a person plays in the review; gaps in participation are visible by role. */
export const participantRoles = [
  'engineering',
  'product',
  'support',
  'management',
  'facilitator',
  'reviewer',
  'incident_owner',
] as const;
export type ParticipantRole = (typeof participantRoles)[number];

/** A person taking part in a postmortem. */
export interface Participant {
  id: string;
  postmortemId: string;
  name: string;
  /** The account behind the person, when they have one. */
  userId: string | null;
  role: ParticipantRole;
  /** Reviewers approve the report; the follow-up guard counts approvals. */
  approvedAt: Date | null;
  version: number;
  createdAt: Date;
}

/**
 * True when a reviewer would approve a report they wrote themselves: their account is the one
 * that opened the postmortem. Unless the policy says `authorMayApprove`, such an approval is
 * refused and never counted, so a report always has a second pair of eyes.
 */
export function isSelfApproval(
  reviewerUserId: string | null,
  authorUserId: string | null | undefined,
): boolean {
  return reviewerUserId !== null && authorUserId != null && reviewerUserId === authorUserId;
}
