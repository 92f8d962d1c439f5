import { can } from '../../domain/authorization.ts';
import { type Comment, hiddenSectionKeys } from '../../domain/comment.ts';
import type { Actor } from '../../domain/user.ts';
import { commentsRepository } from '../../storage/repositories/comments-repository.ts';
import { restrictedSectionsRepository } from '../../storage/repositories/restricted-sections-repository.ts';
import { reviewRequestsRepository } from '../../storage/repositories/review-requests-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/** The comments of a postmortem the actor may read, oldest first, with their authors' names. */
export async function listComments(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
): Promise<{
  comments: Array<Comment & { authorName: string | null }>;
  canComment: boolean;
}> {
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    const hidden = hiddenSectionKeys(
      await restrictedSectionsRepository.listHeads(tx.db, postmortemId),
      actor,
    );
    const all = await commentsRepository.listForPostmortem(tx.db, postmortemId);
    const visible = all.filter((c) => !(c.targetType === 'section' && hidden.has(c.targetId)));
    const names = await reviewRequestsRepository.namesById(
      tx.db,
      visible.flatMap((c) => (c.authorId ? [c.authorId] : [])),
    );
    return {
      comments: visible.map((c) => ({
        ...c,
        authorName: c.authorId ? (names.get(c.authorId) ?? null) : null,
      })),
      canComment: can(actor, 'postmortem.update', postmortem) && postmortem.phase !== 'closed',
    };
  });
}
