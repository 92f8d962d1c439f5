import type { UpdatePostmortemBody } from '../../contracts/postmortem.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import type { Actor } from '../../domain/user.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import { restrictedSectionsRepository } from '../../storage/repositories/restricted-sections-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { assertAttendeesAreParticipants } from '../facilitation/record-meeting.ts';
import { inTransaction } from '../in-transaction.ts';
import { assertKeepsActorInside } from '../incidents/update-incident.ts';
import { writeRestrictedSectionTexts } from '../restricted-sections/change-restricted-section.ts';
import { dismissStaleApprovals } from '../reviews/dismiss-stale-approvals.ts';
import { loadPostmortemFor } from './load-postmortem.ts';

/** True when the title or a section's text differs, beyond whitespace at either end. */
function reportTextChanged(
  before: Pick<Postmortem, 'title' | 'sections'>,
  after: Pick<Postmortem, 'title' | 'sections'>,
): boolean {
  const differs = (a: string | undefined, b: string | undefined) =>
    (a ?? '').trim() !== (b ?? '').trim();
  const keys = new Set([...Object.keys(before.sections), ...Object.keys(after.sections)]);
  return (
    differs(before.title, after.title) ||
    [...keys].some((key) => differs(before.sections[key], after.sections[key]))
  );
}

/**
 * Edits title, report sections (merged by key), meeting record, restriction and members. A
 * change to the report's text dismisses the approvals given before it (`dismissStaleApprovals`).
 */
export async function updatePostmortem(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: UpdatePostmortemBody,
): Promise<Postmortem> {
  return inTransaction(deps, async (tx) => {
    const accessChange = input.restricted !== undefined || input.memberIds !== undefined;
    const current = await loadPostmortemFor(
      tx,
      actor,
      id,
      accessChange ? 'postmortem.manage_members' : 'postmortem.update',
    );
    if (current.version !== expectedVersion) {
      throw new DomainError('VERSION_MISMATCH', 'Postmortem was changed by someone else.', {
        details: { currentVersion: current.version, expectedVersion },
      });
    }
    if (input.analysisMeetingAttendeeIds) {
      await assertAttendeesAreParticipants(tx.db, id, input.analysisMeetingAttendeeIds);
    }
    // Restricted sections keep their text apart; only their members may write it.
    const restrictedKeys = new Set(
      (await restrictedSectionsRepository.listHeads(tx.db, id)).map((s) => s.key),
    );
    const restrictedTexts = Object.fromEntries(
      Object.entries(input.sections ?? {}).filter(([key]) => restrictedKeys.has(key)),
    );
    const restrictedChanged = await writeRestrictedSectionTexts(tx, actor, id, restrictedTexts);
    const sections = { ...current.sections };
    for (const [key, text] of Object.entries(input.sections ?? {})) {
      if (restrictedKeys.has(key)) {
        continue;
      }
      if (text.trim() === '') {
        delete sections[key];
      } else {
        sections[key] = text;
      }
    }
    const next: Postmortem = {
      ...current,
      title: input.title ?? current.title,
      sections,
      analysisMeetingAt:
        input.analysisMeetingAt === undefined
          ? current.analysisMeetingAt
          : input.analysisMeetingAt === null
            ? null
            : new Date(input.analysisMeetingAt),
      analysisMeetingNotes: input.analysisMeetingNotes ?? current.analysisMeetingNotes,
      analysisMeetingAttendeeIds:
        input.analysisMeetingAttendeeIds ?? current.analysisMeetingAttendeeIds,
      restricted: input.restricted ?? current.restricted,
      memberIds: input.memberIds ? [...new Set([...input.memberIds])] : current.memberIds,
      updatedAt: tx.clock(),
    };
    if (accessChange) {
      assertKeepsActorInside(actor, next);
    }
    const saved = await postmortemsRepository.updatePostmortem(tx.db, next, expectedVersion);
    if (restrictedChanged.length > 0 || reportTextChanged(current, next)) {
      await dismissStaleApprovals(tx, actor, saved);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'postmortem.updated',
      subjectType: 'postmortem',
      subjectId: id,
      postmortemId: id,
      data: { fields: Object.keys(input), sections: Object.keys(input.sections ?? {}) },
    });
    return saved;
  });
}
