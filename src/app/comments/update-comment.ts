import type { z } from 'zod';
import type { updateCommentBodySchema } from '../../contracts/comments.ts';
import { type Comment, hiddenSectionKeys } from '../../domain/comment.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { commentsRepository as repo } from '../../storage/repositories/comments-repository.ts';
import { restrictedSectionsRepository } from '../../storage/repositories/restricted-sections-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { changePart, type PartKind } from '../parts/part-write.ts';

const kind: PartKind = { type: 'comment', label: 'Comment' };

/**
 * Edits one's own comment, or resolves / re-opens a thread (through its first comment; anyone
 * who may edit the postmortem). Comments on a section restricted from the actor do not exist
 * for them.
 */
export async function updateComment(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: z.infer<typeof updateCommentBodySchema>,
): Promise<Comment> {
  return changePart(
    deps,
    actor,
    kind,
    {
      id,
      expectedVersion,
      verb: input.resolved === undefined ? 'updated' : input.resolved ? 'resolved' : 'reopened',
    },
    repo.findById,
    async (tx, comment) => {
      if (comment.targetType === 'section') {
        const heads = await restrictedSectionsRepository.listHeads(tx.db, comment.postmortemId);
        if (hiddenSectionKeys(heads, actor).has(comment.targetId)) {
          throw new DomainError('NOT_FOUND', 'Comment not found.');
        }
      }
      if (input.body !== undefined && comment.authorId !== actor.id) {
        throw new DomainError('FORBIDDEN', 'Only its author edits a comment.');
      }
      if (input.resolved !== undefined && comment.threadId !== null) {
        throw new DomainError('INVARIANT_VIOLATED', 'A thread is resolved on its first comment.', {
          details: { rule: 'RESOLVE_ON_THREAD_START' },
        });
      }
      const now = tx.clock();
      return repo.update(tx.db, id, expectedVersion, {
        ...(input.body !== undefined ? { body: input.body, editedAt: now } : {}),
        ...(input.resolved === undefined
          ? {}
          : input.resolved
            ? { resolvedAt: now, resolvedById: actor.id }
            : { resolvedAt: null, resolvedById: null }),
      });
    },
    () => ({ fields: Object.keys(input) }),
  );
}
