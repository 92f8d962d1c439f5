import { type ParticipantRole, participantRoles } from '../../domain/participant.ts';

/** Roles whose absence leaves a blind spot in the analysis meeting. */
export const expectedMeetingRoles = [
  'engineering',
  'product',
  'support',
  'management',
  'facilitator',
] as const satisfies readonly ParticipantRole[];

/** A participant as the participation summary needs it. */
export interface ParticipationMember {
  id: string;
  name: string;
  role: ParticipantRole;
}

/** Participants grouped by role, with the expected roles nobody covers. */
export interface Participation {
  byRole: Array<{
    role: ParticipantRole;
    members: Array<{ id: string; name: string; attended: boolean }>;
  }>;
  /** Expected roles with nobody in them, in the order of `expectedMeetingRoles`. */
  gaps: ParticipantRole[];
}

/**
 * Groups participants by role (every role listed, empty ones too) and flags the expected roles
 * that have nobody, so the gap is visible before the meeting, not after.
 */
export function summarizeParticipation(
  participants: readonly ParticipationMember[],
  attendeeIds: readonly string[] = [],
): Participation {
  const attended = new Set(attendeeIds);
  const byRole = participantRoles.map((role) => ({
    role,
    members: participants
      .filter((p) => p.role === role)
      .map((p) => ({ id: p.id, name: p.name, attended: attended.has(p.id) })),
  }));
  const covered = new Set(participants.map((p) => p.role));
  return {
    byRole,
    gaps: expectedMeetingRoles.filter((role) => !covered.has(role)),
  };
}
