import { incidentSignalsRepository } from '../../storage/repositories/incident-signals-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/**
 * Copies the signals already received for some incidents into a postmortem's timeline as
 * proposed events (idempotent by `(source, external_id)`); runs in the caller's transaction.
 */
export async function proposeIncidentSignals(
  tx: AppDeps,
  postmortemId: string,
  incidentIds: string[],
): Promise<number> {
  const signals = await incidentSignalsRepository.listByIncidents(tx.db, incidentIds);
  return incidentSignalsRepository.proposeInTimeline(
    tx.db,
    postmortemId,
    signals,
    tx.newId,
    tx.clock(),
  );
}
