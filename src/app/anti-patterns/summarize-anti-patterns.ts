import type { FindingSeverity } from '../../analysis/anti-patterns/anti-pattern-finding.ts';
import { worstSeverity } from '../../analysis/anti-patterns/anti-pattern-finding.ts';
import { findPostmortemAntiPatterns } from '../../analysis/anti-patterns/find-postmortem-anti-patterns.ts';
import type { Actor } from '../../domain/user.ts';
import { actionItemsRepository } from '../../storage/repositories/parts-repositories.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';

/** How many findings an incident's postmortems have, and the most serious one. */
export interface AntiPatternSummary {
  count: number;
  worst: FindingSeverity | null;
}

/** At most this many incidents per call: one page of the incident list. */
export const summaryIncidentsMax = 200;

/**
 * Summaries for a page of incidents, over the postmortems the actor may see. Deliberately
 * cheap: only the detectors that need nothing but the action items run (write-only report —
 * with the postmortem's last change standing in for its phase history — and punitive items).
 * Circular remediation, analysis paralysis and blame game show on the postmortem itself.
 * Incidents without a visible postmortem get no entry.
 */
export async function summarizeAntiPatterns(
  deps: AppDeps,
  actor: Actor,
  incidentIds: readonly string[],
): Promise<Map<string, AntiPatternSummary>> {
  return inTransaction(deps, async (tx) => {
    const ids = [...new Set(incidentIds)].slice(0, summaryIncidentsMax);
    const byIncident = await postmortemsRepository.listVisibleIdsByIncident(tx.db, actor, ids);
    const severityByPostmortem = new Map<string, Array<{ severity: FindingSeverity }>>();
    const today = tx.clock();
    for (const postmortemId of new Set([...byIncident.values()].flat())) {
      const postmortem = await postmortemsRepository.findVisiblePostmortem(
        tx.db,
        actor,
        postmortemId,
      );
      if (!postmortem) {
        continue;
      }
      const actionItems = await actionItemsRepository.listCommitted(tx.db, postmortemId);
      const findings = findPostmortemAntiPatterns({
        postmortem,
        incidents: [],
        actionItems,
        today,
        policy: tx.policy,
      });
      severityByPostmortem.set(postmortemId, findings);
    }
    const summaries = new Map<string, AntiPatternSummary>();
    for (const [incidentId, postmortemIds] of byIncident) {
      const findings = postmortemIds.flatMap((id) => severityByPostmortem.get(id) ?? []);
      summaries.set(incidentId, { count: findings.length, worst: worstSeverity(findings) });
    }
    return summaries;
  });
}
