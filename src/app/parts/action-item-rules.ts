import type { ActionItemPriority } from '../../domain/action-item.ts';
import { defaultActionItemDueDate } from '../../domain/action-item-due-date.ts';
import { toIsoDate } from '../../domain/business-days.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import { worstSeverity } from '../../domain/postmortem-guards.ts';
import type { Database } from '../../storage/database.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import { factorsRepository } from '../../storage/repositories/parts-repositories.ts';
import { whyNodesRepository } from '../../storage/repositories/why-nodes-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/**
 * Refuses links to causes of another postmortem: an item addresses contributing factors and
 * why-tree nodes of its own review only.
 */
export async function assertCausesBelong(
  db: Database,
  postmortemId: string,
  links: { linkedFactorIds?: string[]; linkedWhyNodeIds?: string[] },
): Promise<void> {
  const factorIds = links.linkedFactorIds ?? [];
  const nodeIds = links.linkedWhyNodeIds ?? [];
  if (factorIds.length === 0 && nodeIds.length === 0) {
    return;
  }
  const ownFactors = new Set(
    (await factorsRepository.listForPostmortem(db, postmortemId)).map((f) => f.id),
  );
  const ownNodes = new Set(
    (await whyNodesRepository.listForPostmortem(db, postmortemId)).map((n) => n.id),
  );
  const foreignFactors = factorIds.filter((id) => !ownFactors.has(id));
  const foreignNodes = nodeIds.filter((id) => !ownNodes.has(id));
  if (foreignFactors.length > 0 || foreignNodes.length > 0) {
    throw new DomainError('INVARIANT_VIOLATED', 'Linked causes must belong to this postmortem.', {
      details: {
        rule: foreignFactors.length > 0 ? 'FOREIGN_FACTOR' : 'FOREIGN_WHY_NODE',
        factorIds: foreignFactors,
        whyNodeIds: foreignNodes,
      },
    });
  }
}

/** The policy's default due date for a new item of this postmortem (its worst severity). */
export async function defaultDueDateFor(
  tx: AppDeps,
  postmortem: Postmortem,
  priority: ActionItemPriority,
): Promise<string> {
  const incidents = await incidentsRepository.findIncidentsByIds(tx.db, postmortem.incidentIds);
  return defaultActionItemDueDate(
    tx.policy.actionItems.dueDays,
    worstSeverity(incidents),
    priority,
    toIsoDate(tx.clock()),
  );
}
