import { isPersonalAccountAuthor } from '../../app/personal-accounts/change-personal-account.ts';
import type { Actor } from '../../domain/user.ts';
import type { PersonalAccount } from '../../storage/repositories/personal-accounts-repository.ts';

/**
 * A personal account with the viewer's abilities (`writer`: they may edit the postmortem): only the author of a named account may
 * edit or withdraw it; anyone who may edit the postmortem may pin a moment from it.
 */
export function presentPersonalAccount(account: PersonalAccount, writer: boolean, viewer: Actor) {
  const own = writer && isPersonalAccountAuthor(account, viewer);
  return {
    data: {
      id: account.id,
      postmortemId: account.postmortemId,
      anonymous: account.anonymous,
      authorUserId: account.authorUserId,
      authorName: account.authorName,
      body: account.body,
      version: account.version,
      submittedAt: account.submittedAt.toISOString(),
    },
    abilities: { update: own, remove: own, pin: writer },
  };
}
