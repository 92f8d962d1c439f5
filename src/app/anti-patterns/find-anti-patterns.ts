import type { AntiPatternFinding } from '../../analysis/anti-patterns/anti-pattern-finding.ts';
import { findPostmortemAntiPatterns } from '../../analysis/anti-patterns/find-postmortem-anti-patterns.ts';
import type { Actor } from '../../domain/user.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import { actionItemsRepository } from '../../storage/repositories/parts-repositories.ts';
import { servicesRepository } from '../../storage/repositories/services-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';
import { isStandingFinding, loadBlamelessFindings } from '../postmortems/load-snapshot.ts';
import { loadPhaseHistory } from './load-phase-history.ts';

/**
 * Every anti-pattern finding of a postmortem the actor may see (NOT_FOUND otherwise): loads
 * its incidents, action items, the service catalogue, the phase history and the unwaived
 * blameless findings in one read transaction, then runs the pure detectors for today.
 */
export async function findAntiPatterns(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
): Promise<AntiPatternFinding[]> {
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    const incidents = await incidentsRepository.findIncidentsByIds(tx.db, postmortem.incidentIds);
    const actionItems = await actionItemsRepository.listCommitted(tx.db, postmortem.id);
    const services = await servicesRepository.listServices(tx.db);
    const phaseHistory = await loadPhaseHistory(tx, postmortem);
    const blameless = await loadBlamelessFindings(tx, postmortem);
    return findPostmortemAntiPatterns({
      postmortem,
      incidents,
      actionItems,
      services,
      phaseHistory,
      unwaivedBlamelessCount: blameless.filter(isStandingFinding).length,
      today: tx.clock(),
      policy: tx.policy,
    });
  });
}
