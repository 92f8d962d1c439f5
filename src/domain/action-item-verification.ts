import type { ActionItem } from './action-item.ts';
import { DomainError } from './errors.ts';

/** What a verification needs to know about the verifier and the organisation's rule. */
export interface VerificationContext {
  verifierUserId: string;
  /** Policy: the person who verifies must not be the item's owner. */
  verifierMustDifferFromOwner: boolean;
}

/**
 * Checks that `item` may move from `done` to `verified` with `evidence`: only a done item is
 * verified, evidence is required, and when the policy asks, the verifier is not the owner.
 * Every broken rule is reported at once.
 */
export function assertCanVerify(
  item: Pick<ActionItem, 'status' | 'ownerUserId' | 'isIdea'>,
  evidence: string | null | undefined,
  context: VerificationContext,
): void {
  const rules: string[] = [];
  if (item.isIdea || item.status !== 'done') {
    rules.push('VERIFY_REQUIRES_DONE');
  }
  if (!(evidence ?? '').trim()) {
    rules.push('VERIFIED_WITHOUT_EVIDENCE');
  }
  if (
    context.verifierMustDifferFromOwner &&
    item.ownerUserId !== null &&
    item.ownerUserId === context.verifierUserId
  ) {
    rules.push('VERIFIER_IS_OWNER');
  }
  if (rules.length > 0) {
    throw new DomainError(
      'INVARIANT_VIOLATED',
      'This action item cannot be verified yet: it must be done, the evidence given, and the verifier someone the policy allows.',
      { details: { field: 'status', rule: rules[0], rules } },
    );
  }
}
