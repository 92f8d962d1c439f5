import type { z } from 'zod';
import type { updateCommentBodySchema } from '../../contracts/comments.ts';
import { type Comment, hiddenSectionKeys } from '../../domain/comment.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { commentsRepository as repo } from '../../storage/repositories/comments-repository.ts';
import { restrictedSectionsRepository } from '../../storage/repositories/restricted-sections-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { changePart, type PartKind } from '../parts/part-write.ts';
import { notifyMentions } from './notify-mentions.ts';

const kind: PartKind = { type: 'comment', label: 'Comment' };

/**
 * Edits one's own comment, or resolves / re-opens a thread (through its first comment; anyone
 * who may edit the postmortem). Comments on a section restricted from the actor do not exist
 * for them. An edit that @mentions someone new tells them (`notifyMentions`).
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
    async (tx, comment, postmortem) => {
      const section =
        comment.targetType === 'section'
          ? (await restrictedSectionsRepository.listHeads(tx.db, comment.postmortemId)).find(
              (s) => s.key === comment.targetId,
            )
          : undefined;
      if (section && hiddenSectionKeys([section], actor).size > 0) {
        throw new DomainError('NOT_FOUND', 'Comment not found.');
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
      const saved = await repo.update(tx.db, id, expectedVersion, {
        ...(input.body !== undefined ? { body: input.body, editedAt: now } : {}),
        ...(input.resolved === undefined
          ? {}
          : input.resolved
            ? { resolvedAt: now, resolvedById: actor.id }
            : { resolvedAt: null, resolvedById: null }),
      });
      // Someone newly @mentioned by the edit is told, as on a new comment; nobody twice.
      return input.body === undefined
        ? saved
        : notifyMentions(tx, actor, saved, postmortem, section);
    },
    () => ({ fields: Object.keys(input) }),
  );
}
