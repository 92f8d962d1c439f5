import type { Actor } from '../../domain/user.ts';
import { notificationRecipientsRepository } from '../../storage/repositories/notification-recipients-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/**
 * True while the account is enabled and may read the postmortem (the same SQL condition as every
 * read). Asked again for every live update, so a stream never outlives the access it began with.
 */
export async function mayReadPostmortem(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
): Promise<boolean> {
  const person = await notificationRecipientsRepository.findRecipient(deps.db, actor.id);
  return (
    person !== undefined &&
    !person.disabled &&
    (await notificationRecipientsRepository.canSee(deps.db, person, postmortemId))
  );
}
