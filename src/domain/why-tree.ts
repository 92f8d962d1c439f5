import { DomainError } from './errors.ts';
import type { WhyNode } from './why-node.ts';

/** The fields of a why-node the tree rules read. */
export type WhyTreeNode = Pick<WhyNode, 'id' | 'parentId' | 'position'>;

/** Branches shallower than this get a hint: a Five Whys usually digs deeper. */
export const shallowBranchDepth = 3;
/** Branches deeper than this get a hint: the analysis may have drifted. */
export const deepBranchDepth = 7;

/** Advice about the shape of the tree; never a rule. */
export interface WhyTreeHint {
  kind: 'shallow_branch' | 'deep_branch';
  /** The last node of the branch. */
  nodeId: string;
  depth: number;
  message: string;
}

/** Children of each node (key `null` for the roots), each list in position order. */
export function childrenByParent<T extends WhyTreeNode>(
  nodes: readonly T[],
): Map<string | null, T[]> {
  const byParent = new Map<string | null, T[]>();
  for (const node of nodes) {
    const siblings = byParent.get(node.parentId) ?? [];
    siblings.push(node);
    byParent.set(node.parentId, siblings);
  }
  for (const siblings of byParent.values()) {
    siblings.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  }
  return byParent;
}

/** The nodes in outline order (depth first), each with its depth (roots are depth 1). */
export function outlineOrder<T extends WhyTreeNode>(
  nodes: readonly T[],
): Array<{ node: T; depth: number }> {
  const byParent = childrenByParent(nodes);
  const out: Array<{ node: T; depth: number }> = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const node of byParent.get(parentId) ?? []) {
      out.push({ node, depth });
      visit(node.id, depth + 1);
    }
  };
  visit(null, 1);
  return out;
}

/** Hints for branches (root-to-leaf paths) shallower or deeper than the Five Whys guidance. */
export function depthHints(nodes: readonly WhyTreeNode[]): WhyTreeHint[] {
  const byParent = childrenByParent(nodes);
  return outlineOrder(nodes)
    .filter(({ node }) => !byParent.has(node.id))
    .flatMap(({ node, depth }): WhyTreeHint[] => {
      if (depth < shallowBranchDepth) {
        return [
          {
            kind: 'shallow_branch',
            nodeId: node.id,
            depth,
            message: `This branch stops after ${depth} why${depth === 1 ? '' : 's'}; ask why again until you reach something the system can change.`,
          },
        ];
      }
      if (depth > deepBranchDepth) {
        return [
          {
            kind: 'deep_branch',
            nodeId: node.id,
            depth,
            message: `This branch is ${depth} whys deep; check that it still explains this incident.`,
          },
        ];
      }
      return [];
    });
}

/** The ids of every node below `nodeId`. */
export function descendantIds(nodes: readonly WhyTreeNode[], nodeId: string): Set<string> {
  const byParent = childrenByParent(nodes);
  const found = new Set<string>();
  const stack = [nodeId];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const child of byParent.get(id) ?? []) {
      if (!found.has(child.id)) {
        found.add(child.id);
        stack.push(child.id);
      }
    }
  }
  return found;
}

/**
 * Checks a node's (new) parent against the postmortem's nodes: the parent must be one of them
 * and, when an existing node moves, neither the node itself nor one of its descendants.
 */
export function assertParentAllowed(
  nodes: readonly WhyTreeNode[],
  parentId: string | null,
  movingNodeId?: string,
): void {
  if (parentId === null) {
    return;
  }
  if (!nodes.some((node) => node.id === parentId)) {
    throw new DomainError('INVARIANT_VIOLATED', 'The parent must be a why of this postmortem.', {
      details: { rule: 'WHY_NODE_PARENT_UNKNOWN', parentId },
    });
  }
  if (
    movingNodeId !== undefined &&
    (parentId === movingNodeId || descendantIds(nodes, movingNodeId).has(parentId))
  ) {
    throw new DomainError('INVARIANT_VIOLATED', 'A why cannot be moved below itself.', {
      details: { rule: 'WHY_TREE_CYCLE', parentId },
    });
  }
}

/** True for a root cause that cites no evidence and gives no reason for its absence. */
export function lacksEvidence(
  node: Pick<WhyNode, 'mark' | 'evidenceEventIds' | 'noEvidenceReason'>,
): boolean {
  return (
    node.mark === 'root_cause' &&
    node.evidenceEventIds.length === 0 &&
    !(node.noEvidenceReason ?? '').trim()
  );
}

/** The texts of the why-tree, named by field, for the blameless-language check. */
export function whyNodeTexts(
  nodes: ReadonlyArray<Pick<WhyNode, 'id' | 'question' | 'answer'>>,
): Array<{ field: string; text: string }> {
  return nodes.flatMap((node) => [
    { field: `why_nodes.${node.id}.question`, text: node.question },
    { field: `why_nodes.${node.id}.answer`, text: node.answer },
  ]);
}
