import type { RecordMeetingBody } from '../../contracts/facilitation.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../../storage/database.ts';
import { participantsRepository } from '../../storage/repositories/parts-repositories.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/**
 * Refuses attendee ids that are not participants of the postmortem (INVARIANT_VIOLATED,
 * `UNKNOWN_REFERENCE`, with the offending ids), so the record names real people in the review.
 */
export async function assertAttendeesAreParticipants(
  db: Database,
  postmortemId: string,
  attendeeIds: readonly string[],
): Promise<void> {
  if (attendeeIds.length === 0) {
    return;
  }
  const own = new Set(
    (await participantsRepository.listForPostmortem(db, postmortemId)).map((p) => p.id),
  );
  const unknown = attendeeIds.filter((id) => !own.has(id));
  if (unknown.length > 0) {
    throw new DomainError(
      'INVARIANT_VIOLATED',
      'Attendees must be participants of this postmortem.',
      { details: { rule: 'UNKNOWN_REFERENCE', field: 'attendeeIds', attendeeIds: unknown } },
    );
  }
}

/**
 * Records the analysis meeting (when, notes, who attended) in one write, checked against the
 * postmortem's version; the documentation guard reads `analysisMeetingAt`.
 */
export async function recordMeeting(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  expectedVersion: number,
  input: RecordMeetingBody,
): Promise<Postmortem> {
  return inTransaction(deps, async (tx) => {
    const current = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.update');
    if (current.version !== expectedVersion) {
      throw new DomainError('VERSION_MISMATCH', 'Postmortem was changed by someone else.', {
        details: { currentVersion: current.version, expectedVersion },
      });
    }
    await assertAttendeesAreParticipants(tx.db, postmortemId, input.attendeeIds);
    const saved = await postmortemsRepository.updatePostmortem(
      tx.db,
      {
        ...current,
        analysisMeetingAt: input.heldAt === null ? null : new Date(input.heldAt),
        analysisMeetingNotes: input.notes,
        analysisMeetingAttendeeIds: input.attendeeIds,
        updatedAt: tx.clock(),
      },
      expectedVersion,
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'postmortem.meeting_recorded',
      subjectType: 'postmortem',
      subjectId: postmortemId,
      postmortemId,
      data: {
        heldAt: saved.analysisMeetingAt?.toISOString() ?? null,
        attendeeIds: saved.analysisMeetingAttendeeIds,
      },
    });
    return saved;
  });
}
