import type { z } from 'zod';
import type {
  createParticipantBodySchema,
  updateParticipantBodySchema,
} from '../../contracts/postmortem-parts.ts';
import { DomainError } from '../../domain/errors.ts';
import { isSelfApproval, type Participant } from '../../domain/participant.ts';
import type { Actor } from '../../domain/user.ts';
import { participantsRepository } from '../../storage/repositories/parts-repositories.ts';
import type { AppDeps } from '../app-deps.ts';
import { addPart, changePart, type PartKind, partRemover } from './part-write.ts';

const kind: PartKind = { type: 'participant', label: 'Participant' };

/** Adds a person to the review with their role. */
export async function addParticipant(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  input: z.infer<typeof createParticipantBodySchema>,
): Promise<Participant> {
  return addPart(
    deps,
    actor,
    postmortemId,
    kind,
    (tx) =>
      participantsRepository.insert(tx.db, {
        id: tx.newId(),
        postmortemId,
        name: input.name,
        userId: input.userId,
        role: input.role,
        createdAt: tx.clock(),
      }),
    (p) => ({ role: p.role }),
  );
}

/**
 * Renames, re-roles or records a reviewer's approval. Only the reviewer's own account (or an
 * admin) may approve in their name, only a reviewer approves, and the report's author does not
 * approve their own report unless the policy allows it.
 */
export async function updateParticipant(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: z.infer<typeof updateParticipantBodySchema>,
): Promise<Participant> {
  return changePart(
    deps,
    actor,
    kind,
    { id, expectedVersion, verb: 'updated' },
    participantsRepository.findById,
    (tx, current, postmortem) => {
      const role = input.role ?? current.role;
      if (
        input.approved === true &&
        !deps.policy.authorMayApprove &&
        isSelfApproval(current.userId, postmortem.createdById)
      ) {
        throw new DomainError(
          'INVARIANT_VIOLATED',
          'The author of a report does not approve it; another reviewer does.',
          { details: { rule: 'AUTHOR_SELF_APPROVAL' } },
        );
      }
      if (input.approved !== undefined) {
        if (role !== 'reviewer') {
          throw new DomainError('INVARIANT_VIOLATED', 'Only a reviewer approves the report.', {
            details: { rule: 'APPROVAL_BY_NON_REVIEWER' },
          });
        }
        if (actor.role !== 'admin' && current.userId !== actor.id) {
          throw new DomainError('FORBIDDEN', 'Reviewers approve in their own name.');
        }
      }
      const roleChangedAway = input.role !== undefined && input.role !== 'reviewer';
      return participantsRepository.update(tx.db, id, expectedVersion, {
        name: input.name,
        role: input.role,
        approvedAt:
          input.approved === undefined
            ? roleChangedAway
              ? null
              : undefined
            : input.approved
              ? tx.clock()
              : null,
      });
    },
    () => ({
      fields: Object.keys(input),
      ...(input.approved !== undefined ? { approved: input.approved } : {}),
    }),
  );
}

/** Removes a person from the review. */
export const removeParticipant = partRemover(kind, participantsRepository);
