import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import {
  clockSkewsRepository,
  type SourceClockSkew,
} from '../../storage/repositories/clock-skews-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/** The per-source clock skews of a postmortem. */
export async function listClockSkews(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
): Promise<SourceClockSkew[]> {
  return inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    return clockSkewsRepository.listForPostmortem(tx.db, postmortemId);
  });
}

/**
 * Sets a source's clock skew: creates it (no version needed) or replaces it under If-Match.
 * It is shown with that source's events; stored instants never move.
 */
export async function putClockSkew(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  source: string,
  input: { offsetMs: number; reason: string },
  expectedVersion: number | undefined,
): Promise<{ skew: SourceClockSkew; created: boolean }> {
  return inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.update');
    const current = await clockSkewsRepository.find(tx.db, postmortemId, source);
    let result: { skew: SourceClockSkew; created: boolean };
    if (!current) {
      const skew = await clockSkewsRepository.insert(tx.db, {
        postmortemId,
        source,
        offsetMs: input.offsetMs,
        reason: input.reason,
        version: 1,
        createdAt: tx.clock(),
      });
      result = { skew, created: true };
    } else {
      if (expectedVersion === undefined) {
        throw new DomainError(
          'PRECONDITION_REQUIRED',
          'Send If-Match with the ETag you last read.',
        );
      }
      result = {
        skew: await clockSkewsRepository.update(tx.db, current, expectedVersion, input),
        created: false,
      };
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: result.created ? 'clock_skew.created' : 'clock_skew.updated',
      subjectType: 'clock_skew',
      subjectId: `${postmortemId}:${source}`,
      postmortemId,
      data: { source, offsetMs: input.offsetMs },
    });
    return result;
  });
}

/** Removes a source's clock skew under If-Match. */
export async function removeClockSkew(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  source: string,
  expectedVersion: number,
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.update');
    const current = await clockSkewsRepository.find(tx.db, postmortemId, source);
    if (!current) {
      throw new DomainError('NOT_FOUND', 'No clock skew for this source.');
    }
    if (current.version !== expectedVersion) {
      throw new DomainError('VERSION_MISMATCH', 'The clock skew was changed by someone else.', {
        details: { currentVersion: current.version, expectedVersion },
      });
    }
    await clockSkewsRepository.remove(tx.db, postmortemId, source);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'clock_skew.removed',
      subjectType: 'clock_skew',
      subjectId: `${postmortemId}:${source}`,
      postmortemId,
      data: { source },
    });
  });
}
