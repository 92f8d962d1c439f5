import type { ActionItem } from './action-item.ts';
import type { ContributingFactor } from './contributing-factor.ts';
import type { WhyNode } from './why-node.ts';

/** Where a cause was named: a marked why-tree node, or a stand-alone contributing factor. */
export const causeOrigins = ['why_node', 'contributing_factor'] as const;
export type CauseOrigin = (typeof causeOrigins)[number];

/**
 * One cause of the review, whichever list it was written in. The why-tree's marked nodes and
 * the contributing factors are read as this one list everywhere (the guards, the Contributing
 * factors tab, the item's cause picker), so the two can never tell different stories.
 */
export interface Cause {
  id: string;
  origin: CauseOrigin;
  text: string;
  category: string | null;
  isRootCause: boolean;
  acceptedRiskReason: string | null;
  /** Items (not ideas) that address it. */
  actionItemIds: string[];
}

/** The review's causes: marked why-nodes in tree order, then the stand-alone factors. */
export function listCauses(
  factors: ReadonlyArray<
    Pick<
      ContributingFactor,
      'id' | 'description' | 'category' | 'isRootCause' | 'acceptedRiskReason'
    >
  >,
  whyNodes: ReadonlyArray<
    Pick<WhyNode, 'id' | 'question' | 'answer' | 'category' | 'mark' | 'acceptedRiskReason'>
  >,
  items: ReadonlyArray<Pick<ActionItem, 'id' | 'isIdea' | 'linkedFactorIds' | 'linkedWhyNodeIds'>>,
): Cause[] {
  const addressing = (id: string, links: (item: (typeof items)[number]) => string[]) =>
    items.filter((item) => !item.isIdea && links(item).includes(id)).map((item) => item.id);
  const fromTree = whyNodes
    .filter((node) => node.mark !== 'none')
    .map(
      (node): Cause => ({
        id: node.id,
        origin: 'why_node',
        text: node.answer.trim() || node.question,
        category: node.category,
        isRootCause: node.mark === 'root_cause',
        acceptedRiskReason: node.acceptedRiskReason,
        actionItemIds: addressing(node.id, (item) => item.linkedWhyNodeIds),
      }),
    );
  const standAlone = factors.map(
    (factor): Cause => ({
      id: factor.id,
      origin: 'contributing_factor',
      text: factor.description,
      category: factor.category,
      isRootCause: factor.isRootCause,
      acceptedRiskReason: factor.acceptedRiskReason,
      actionItemIds: addressing(factor.id, (item) => item.linkedFactorIds),
    }),
  );
  return [...fromTree, ...standAlone];
}
