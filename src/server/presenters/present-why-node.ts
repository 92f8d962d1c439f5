import type { WhyNode } from '../../domain/why-node.ts';

/** A why-node as JSON with the viewer's abilities (`update` comes from the postmortem's). */
export function presentWhyNode(node: WhyNode, update: boolean) {
  return {
    data: {
      ...node,
      createdAt: node.createdAt.toISOString(),
      updatedAt: node.updatedAt.toISOString(),
    },
    abilities: { update, remove: update, addChild: update },
  };
}
