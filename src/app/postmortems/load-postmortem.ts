import { type Action, can } from '../../domain/authorization.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import type { Actor } from '../../domain/user.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/**
 * Loads a postmortem the actor may see and checks the action: NOT_FOUND when it is invisible
 * to them (a restricted review does not exist for outsiders), FORBIDDEN when visible but not
 * allowed, POSTMORTEM_CLOSED for writes to a closed review. Writes lock the row, so the guard
 * checks of a phase change never race a concurrent edit of its parts.
 */
export async function loadPostmortemFor(
  deps: AppDeps,
  actor: Actor,
  id: string,
  action: Action,
): Promise<Postmortem> {
  const isWrite = action !== 'postmortem.read';
  const postmortem = await postmortemsRepository.findVisiblePostmortem(deps.db, actor, id, {
    forUpdate: isWrite,
  });
  return checkPostmortemAction(actor, action, postmortem);
}

/**
 * The checks of `loadPostmortemFor` on a postmortem found by the caller (`undefined` when not
 * found or not visible to the actor).
 */
export function checkPostmortemAction(
  actor: Actor,
  action: Action,
  postmortem: Postmortem | undefined,
): Postmortem {
  if (!postmortem) {
    throw new DomainError('NOT_FOUND', 'Postmortem not found.');
  }
  if (!can(actor, action, postmortem)) {
    throw new DomainError('FORBIDDEN', 'Your role does not allow this on the postmortem.');
  }
  if (
    action !== 'postmortem.read' &&
    action !== 'postmortem.change_phase' &&
    postmortem.phase === 'closed'
  ) {
    throw new DomainError(
      'POSTMORTEM_CLOSED',
      'The postmortem is closed; re-open it to change it.',
    );
  }
  return postmortem;
}
