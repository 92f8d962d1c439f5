import type { PhaseEntry } from '../../analysis/anti-patterns/phase-history.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import { type PostmortemPhase, postmortemPhases } from '../../domain/postmortem-phases.ts';
import { auditRepository } from '../../storage/repositories/audit-repository.ts';
import type { AppDeps } from '../app-deps.ts';

const pageSize = 500;
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
  const changes: PhaseEntry[] = [];
  let beforeId: number | undefined;
  for (;;) {
    const rows = await auditRepository.listForPostmortem(deps.db, postmortem.id, {
      beforeId,
      limit: pageSize,
    });
    for (const row of rows.slice(0, pageSize)) {
      const to = row.data.to;
      if (row.action === 'postmortem.phase_changed' && isPhase(to)) {
        changes.push({ phase: to, enteredAt: row.occurredAt });
      }
    }
    const last = rows[pageSize - 1];
    if (rows.length <= pageSize || !last) {
      break;
    }
    beforeId = last.id;
  }
  return [{ phase: 'data_gathering', enteredAt: postmortem.createdAt }, ...changes.reverse()];
}
