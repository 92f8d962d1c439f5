import { type Comment, findMentionedEmails, hiddenSectionKeys } from '../../domain/comment.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import { formatRecordNumber } from '../../domain/record-number.ts';
import type { RestrictedSection } from '../../domain/restricted-section.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../../storage/database.ts';
import { commentsRepository as repo } from '../../storage/repositories/comments-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { notifyPerson } from '../notifications/notify.ts';

/**
 * Tells each account @mentioned in the comment's body, and not told of it before, through
 * `notifyPerson` (in the app, and by e-mail as they allow): only those who may see the
 * postmortem and, on a restricted section, are among its members (`section`; an admin who is
 * not a member is not told either — a mention is no reason to read a restricted section). The
 * notice names the postmortem, never the comment's text. Returns the comment with everyone told
 * so far in `mentionedUserIds`.
 */
export async function notifyMentions(
  tx: AppDeps & { db: Database },
  actor: Actor,
  comment: Comment,
  postmortem: Pick<Postmortem, 'id' | 'number'>,
  section: Pick<RestrictedSection, 'key' | 'memberIds'> | undefined,
): Promise<Comment> {
  const accounts = await repo.accountsByEmail(tx.db, findMentionedEmails(comment.body));
  const told = [...comment.mentionedUserIds];
  for (const account of accounts) {
    const mayRead =
      !section || hiddenSectionKeys([section], { id: account.id, role: '' }).size === 0;
    if (account.id === actor.id || told.includes(account.id) || !mayRead) {
      continue;
    }
    const outcome = await notifyPerson(tx, account.id, {
      rule: 'comment.mentioned',
      subjectType: 'comment',
      subjectId: comment.id,
      postmortemId: postmortem.id,
      title: `You were mentioned: postmortem #${formatRecordNumber(postmortem.number)}`,
      body: 'Someone mentioned you in a comment on this postmortem.',
      path: `/postmortems/${postmortem.id}#comments-heading`,
    });
    if (outcome.created > 0) {
      told.push(account.id);
    }
  }
  return told.length > comment.mentionedUserIds.length
    ? repo.update(tx.db, comment.id, comment.version, { mentionedUserIds: told })
    : comment;
}
