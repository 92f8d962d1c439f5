import type { IncidentKind } from '../../domain/incident.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import { sensitiveProcessFor } from '../../domain/publication.ts';
import type { SensitiveProcess } from '../../domain/publishing-policy.ts';
import { sensitiveProcessStartsRepository } from '../../storage/repositories/sensitive-process-starts-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/**
 * The modified process that governs publishing a postmortem, read in the caller's transaction:
 * the policy's process for its incidents' current kinds or for the kinds it was opened under.
 * Reclassifying a security incident as an outage therefore does not publish it without the
 * security and legal approvals, nor publish more than its learning summary.
 */
export async function findSensitiveProcess(
  deps: AppDeps,
  postmortem: Pick<Postmortem, 'id'>,
  incidents: ReadonlyArray<{ kind: IncidentKind }>,
): Promise<SensitiveProcess | undefined> {
  const startedFor = await sensitiveProcessStartsRepository.findKinds(deps.db, postmortem.id);
  return sensitiveProcessFor(deps.policy.sensitiveProcesses, [
    ...incidents,
    ...startedFor.map((kind) => ({ kind })),
  ]);
}
