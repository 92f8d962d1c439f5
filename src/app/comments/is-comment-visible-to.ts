import { hiddenSectionKeys } from '../../domain/comment.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../../storage/database.ts';
import { commentsRepository } from '../../storage/repositories/comments-repository.ts';
import { restrictedSectionsRepository } from '../../storage/repositories/restricted-sections-repository.ts';

/**
 * True when the comment still exists and is not on a section restricted from `reader`. Checked
 * again when a mention's e-mail goes out: a reader taken off a restricted section's members
 * after being mentioned there hears nothing more of it. (Whether they may see the postmortem
 * at all is the caller's check.)
 */
export async function isCommentVisibleTo(
  db: Database,
  reader: Actor,
  commentId: string,
): Promise<boolean> {
  const comment = await commentsRepository.findById(db, commentId);
  if (!comment) {
    return false;
  }
  if (comment.targetType !== 'section') {
    return true;
  }
  const heads = await restrictedSectionsRepository.listHeads(db, comment.postmortemId);
  return !hiddenSectionKeys(heads, reader).has(comment.targetId);
}
