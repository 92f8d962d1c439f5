import type { WhyNodeMark } from '../../domain/why-node.ts';
import { meetingPrompts } from './meeting-prompts.ts';

interface WhyNodeOutline {
  id: string;
  parentId: string | null;
  question: string;
  mark: WhyNodeMark;
  hasEvidence?: boolean;
}

/** An agenda item for one why-node, at its depth in the tree. */
export interface WhyTreeItem {
  subjectType: 'why_node';
  subjectId: string;
  text: string;
  tag: WhyNodeMark;
  occurredAt: null;
  pinned: false;
  depth: number;
  prompts: string[];
}

/**
 * The why-tree walked depth-first, children in the order given. A node whose parent is
 * missing is treated as a root, and a cycle (which the tree's own rules forbid) is cut, so a
 * broken tree still yields every node exactly once.
 */
export function whyTreeItems(nodes: readonly WhyNodeOutline[]): WhyTreeItem[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string | null, WhyNodeOutline[]>();
  for (const node of nodes) {
    const parent = node.parentId !== null && ids.has(node.parentId) ? node.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  const items: WhyTreeItem[] = [];
  const seen = new Set<string>();
  const visit = (node: WhyNodeOutline, depth: number) => {
    if (seen.has(node.id)) {
      return;
    }
    seen.add(node.id);
    items.push({
      subjectType: 'why_node',
      subjectId: node.id,
      text: node.question,
      tag: node.mark,
      occurredAt: null,
      pinned: false,
      depth,
      prompts: meetingPrompts.byWhyNodeMark[node.mark].filter(
        (prompt) => prompt !== meetingPrompts.rootCauseEvidence || !node.hasEvidence,
      ),
    });
    for (const child of children.get(node.id) ?? []) {
      visit(child, depth + 1);
    }
  };
  for (const root of children.get(null) ?? []) {
    visit(root, 0);
  }
  // Nodes only reachable through a cycle have no root; list them rather than drop them.
  for (const node of nodes) {
    visit(node, 0);
  }
  return items;
}
