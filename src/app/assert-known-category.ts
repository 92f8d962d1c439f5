import { DomainError } from '../domain/errors.ts';
import type { Policy } from '../domain/policy.ts';

/** Refuses a factor category that is not in the policy's taxonomy (no category is fine). */
export function assertKnownCategory(policy: Policy, category: string | null | undefined): void {
  if (category && !policy.factorTaxonomy.some((c) => c.key === category)) {
    throw new DomainError('VALIDATION_FAILED', 'Unknown factor category.', {
      details: {
        errors: [
          {
            path: 'category',
            code: 'unknown_category',
            message: `Use one of: ${policy.factorTaxonomy.map((c) => c.key).join(', ')}.`,
          },
        ],
      },
    });
  }
}
