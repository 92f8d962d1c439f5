import { DomainError } from '../../domain/errors.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import { evaluateTransition, findTransition } from '../../domain/postmortem-phase.ts';
import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import type { Actor } from '../../domain/user.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { publishInternallyIfAllowed } from '../publishing/publish-internally.ts';
import { loadPostmortemFor } from './load-postmortem.ts';
import { loadSnapshot } from './load-snapshot.ts';

/**
 * Moves a postmortem to another phase. Forward steps run every guard and, when refused,
 * report every unmet condition at once (TRANSITION_REFUSED with `details.unmet`).
 */
export async function changePostmortemPhase(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: { to: PostmortemPhase; reason?: string | undefined },
): Promise<Postmortem> {
  return inTransaction(deps, async (tx) => {
    const current = await loadPostmortemFor(tx, actor, id, 'postmortem.change_phase');
    if (current.version !== expectedVersion) {
      throw new DomainError('VERSION_MISMATCH', 'Postmortem was changed by someone else.', {
        details: { currentVersion: current.version, expectedVersion },
      });
    }
    const transition = findTransition(current.phase, input.to);
    if (!transition) {
      throw new DomainError(
        'TRANSITION_NOT_ALLOWED',
        `A postmortem cannot go from ${current.phase} to ${input.to}.`,
        { details: { from: current.phase, to: input.to } },
      );
    }
    const unmet = evaluateTransition(transition, await loadSnapshot(tx, current), input.reason);
    if (unmet.length > 0) {
      throw new DomainError(
        'TRANSITION_REFUSED',
        `The postmortem cannot move to ${input.to} yet.`,
        {
          details: { from: current.phase, to: input.to, unmet },
        },
      );
    }
    const now = tx.clock();
    const saved = await postmortemsRepository.updatePostmortem(
      tx.db,
      {
        ...current,
        phase: input.to,
        updatedAt: now,
        closedAt: input.to === 'closed' ? now : null,
      },
      expectedVersion,
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'postmortem.phase_changed',
      subjectType: 'postmortem',
      subjectId: id,
      postmortemId: id,
      data: {
        from: current.phase,
        to: input.to,
        direction: transition.direction,
        ...(input.reason ? { reason: input.reason } : {}),
      },
    });
    if (input.to === 'follow_up') {
      // Reaching follow-up publishes internally, unless the modified process still waits for
      // its reviews (then publishing is a separate step, refused until they approve).
      await publishInternallyIfAllowed(tx, actor, saved);
    }
    return saved;
  });
}
