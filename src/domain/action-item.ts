import { DomainError } from './errors.ts';

/** What an action item does about the failure. */
export const actionItemKinds = ['prevent', 'detect', 'mitigate', 'process', 'repair'] as const;
export type ActionItemKind = (typeof actionItemKinds)[number];

/** Follow-through: `verified` means someone checked the success criterion holds. */
export const actionItemStatuses = ['open', 'in_progress', 'done', 'verified', 'wont_do'] as const;
export type ActionItemStatus = (typeof actionItemStatuses)[number];

/** How urgent the fix is; with the incident's severity it sets the default due date. */
export const actionItemPriorities = ['p1', 'p2', 'p3'] as const;
export type ActionItemPriority = (typeof actionItemPriorities)[number];

/** A specific, measurable, assigned fix. */
export interface ActionItem {
  id: string;
  postmortemId: string;
  title: string;
  kind: ActionItemKind;
  ownerName: string | null;
  ownerUserId: string | null;
  /** Calendar date, `YYYY-MM-DD`. */
  dueDate: string | null;
  successCriterion: string | null;
  status: ActionItemStatus;
  wontDoReason: string | null;
  trackerUrl: string | null;
  /** The tracker issue this item follows (`github:owner/repo#12`, `jira:OPS-7`); its webhooks move the status. */
  trackerKey: string | null;
  verificationEvidence: string | null;
  /** What the verifier checked, in their words. */
  verificationNote: string | null;
  verifiedAt: Date | null;
  verifiedById: string | null;
  priority: ActionItemPriority;
  /** The team that carries the fix (free text, as the organisation names its teams). */
  team: string | null;
  /** Services the fix changes; the board filters and counts by them. */
  services: string[];
  /** An idea is not yet an item: no guard asks anything of it until it is promoted. */
  isIdea: boolean;
  linkedFactorIds: string[];
  /** Why-tree nodes (root causes, contributing factors) this item addresses. */
  linkedWhyNodeIds: string[];
  /** Services the fix, or the detection it adds, relies on. */
  reliesOnServices: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** True when the item no longer blocks closing the postmortem. */
export function isSettled(item: Pick<ActionItem, 'status' | 'wontDoReason'>): boolean {
  return (
    item.status === 'verified' ||
    (item.status === 'wont_do' && (item.wontDoReason ?? '').trim().length > 0)
  );
}

/** True when nobody owns the item. */
export function hasNoOwner(item: Pick<ActionItem, 'ownerName' | 'ownerUserId'>): boolean {
  return !item.ownerUserId && !(item.ownerName ?? '').trim();
}

/**
 * Checks the invariants of an action item that hold in every phase:
 * `wont_do` needs a reason, `verified` needs evidence of the check.
 */
export function assertActionItemInvariants(
  item: Pick<ActionItem, 'status' | 'wontDoReason' | 'verificationEvidence'>,
): void {
  if (item.status === 'wont_do' && !(item.wontDoReason ?? '').trim()) {
    throw new DomainError('INVARIANT_VIOLATED', 'An action item marked wont_do needs a reason.', {
      details: { field: 'wontDoReason', rule: 'WONT_DO_WITHOUT_REASON' },
    });
  }
  if (item.status === 'verified' && !(item.verificationEvidence ?? '').trim()) {
    throw new DomainError(
      'INVARIANT_VIOLATED',
      'A verified action item needs evidence of how it was verified.',
      { details: { field: 'verificationEvidence', rule: 'VERIFIED_WITHOUT_EVIDENCE' } },
    );
  }
}
