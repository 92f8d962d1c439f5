/** How a why-node is classified: a root cause, a contributing factor, or an intermediate step. */
export const whyNodeMarks = ['root_cause', 'contributing_factor', 'none'] as const;
export type WhyNodeMark = (typeof whyNodeMarks)[number];

/** One node of the why-tree: a question about its parent and its answer. */
export interface WhyNode {
  id: string;
  postmortemId: string;
  /** `null` for a root of the tree (a top-level "why did this happen?"). */
  parentId: string | null;
  question: string;
  answer: string;
  /** A key of the policy's factor taxonomy. */
  category: string | null;
  mark: WhyNodeMark;
  /** Timeline events cited as evidence. */
  evidenceEventIds: string[];
  /** For a root cause without evidence: why there is none. */
  noEvidenceReason: string | null;
  /** For a root cause without an action item: why the risk is accepted. */
  acceptedRiskReason: string | null;
  position: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
