import type { z } from 'zod';
import type { createCommentBodySchema } from '../../contracts/comments.ts';
import { type Comment, hiddenSectionKeys } from '../../domain/comment.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { commentsRepository as repo } from '../../storage/repositories/comments-repository.ts';
import { restrictedSectionsRepository } from '../../storage/repositories/restricted-sections-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { addPart, type PartKind } from '../parts/part-write.ts';
import { notifyMentions } from './notify-mentions.ts';

const kind: PartKind = { type: 'comment', label: 'Comment' };

const unknown = (message: string) =>
  new DomainError('INVARIANT_VIOLATED', message, {
    details: { rule: 'UNKNOWN_REFERENCE', field: 'targetId' },
  });

/**
 * Starts a thread on the postmortem, a report section or a part, or replies to one. Accounts
 * @mentioned by e-mail are told through `notifyPerson` (in the app, and by e-mail as their
 * preferences allow) — only those who may see the postmortem and, for a restricted section,
 * are among its members; the notice names where, never the comment's text.
 */
export async function addComment(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  input: z.infer<typeof createCommentBodySchema>,
): Promise<Comment> {
  return addPart(
    deps,
    actor,
    postmortemId,
    kind,
    async (tx, postmortem) => {
      let target = { type: input.targetType, id: input.targetId ?? '' };
      if (input.threadId) {
        const thread = await repo.findById(tx.db, input.threadId);
        if (!thread || thread.postmortemId !== postmortemId || thread.threadId !== null) {
          throw new DomainError('INVARIANT_VIOLATED', 'Reply to the first comment of a thread.', {
            details: { rule: 'UNKNOWN_REFERENCE', field: 'threadId' },
          });
        }
        target = { type: thread.targetType, id: thread.targetId };
      } else if (target.type === 'postmortem') {
        target.id = postmortemId;
      } else if (target.type === 'section') {
        if (!/^[a-z][a-z0-9_]{0,63}$/.test(target.id)) {
          throw unknown('Name the report section by its key.');
        }
      } else if (!(await repo.partBelongs(tx.db, target.type, target.id, postmortemId))) {
        throw unknown('The comment must be on a part of this postmortem.');
      }
      const restricted = await restrictedSectionsRepository.listHeads(tx.db, postmortemId);
      const sectionMembers =
        target.type === 'section' ? restricted.find((s) => s.key === target.id) : undefined;
      if (sectionMembers && hiddenSectionKeys([sectionMembers], actor).size > 0) {
        throw new DomainError('NOT_FOUND', 'Comment target not found.');
      }
      const comment = await repo.insert(tx.db, {
        id: tx.newId(),
        postmortemId,
        threadId: input.threadId ?? null,
        targetType: target.type,
        targetId: target.id,
        authorId: actor.id,
        body: input.body,
        mentionedUserIds: [],
        createdAt: tx.clock(),
      });
      return notifyMentions(tx, actor, comment, postmortem, sectionMembers);
    },
    (c) => ({
      targetType: c.targetType,
      threadId: c.threadId,
      mentions: c.mentionedUserIds.length,
    }),
  );
}
