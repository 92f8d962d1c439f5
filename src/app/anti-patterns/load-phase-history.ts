import type { PhaseEntry } from '../../analysis/anti-patterns/phase-history.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import { type PostmortemPhase, postmortemPhases } from '../../domain/postmortem-phases.ts';
import { auditRepository } from '../../storage/repositories/audit-repository.ts';
import type { AppDeps } from '../app-deps.ts';

const isPhase = (value: unknown): value is PostmortemPhase =>
  typeof value === 'string' && (postmortemPhases as readonly string[]).includes(value);

/**
 * The phase history of a postmortem, oldest first: data gathering from its creation, then
 * every `postmortem.phase_changed` audit event.
 */
export async function loadPhaseHistory(
  deps: AppDeps,
  postmortem: Pick<Postmortem, 'id' | 'createdAt'>,
): Promise<PhaseEntry[]> {
  const changes = await auditRepository.listPhaseChanges(deps.db, postmortem.id);
  return [
    { phase: 'data_gathering', enteredAt: postmortem.createdAt },
    ...changes.flatMap(({ occurredAt, data }) =>
      isPhase(data.to) ? [{ phase: data.to, enteredAt: occurredAt }] : [],
    ),
  ];
}
