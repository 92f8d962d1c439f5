import { describe, expect, it } from 'vitest';
import { defaultActionItemDueDate } from './action-item-due-date.ts';
import { assertCanVerify } from './action-item-verification.ts';
import { listCauses } from './causes.ts';
import { defaultPolicy } from './policy.ts';

const rulesOf = (work: () => void): string[] => {
  try {
    work();
    return [];
  } catch (error) {
    return (error as { details: { rules: string[] } }).details.rules;
  }
};

describe('assertCanVerify', () => {
  const context = { verifierUserId: 'user-1', verifierMustDifferFromOwner: true };
  const done = { status: 'done' as const, ownerUserId: 'user-2', isIdea: false };

  it('accepts a done item with evidence verified by someone else', () => {
    expect(
      rulesOf(() => assertCanVerify(done, 'https://ci.example.com/runs/4812', context)),
    ).toEqual([]);
  });

  it('lists every broken rule at once', () => {
    expect(
      rulesOf(() =>
        assertCanVerify({ ...done, status: 'in_progress', ownerUserId: 'user-1' }, '  ', context),
      ),
    ).toEqual(['VERIFY_REQUIRES_DONE', 'VERIFIED_WITHOUT_EVIDENCE', 'VERIFIER_IS_OWNER']);
  });

  it('lets the owner verify when the policy allows it, never an idea', () => {
    const own = { ...done, ownerUserId: 'user-1' };
    const relaxed = { ...context, verifierMustDifferFromOwner: false };
    expect(rulesOf(() => assertCanVerify(own, 'https://x.example.com', relaxed))).toEqual([]);
    expect(
      rulesOf(() => assertCanVerify({ ...own, isIdea: true }, 'https://x.example.com', relaxed)),
    ).toEqual(['VERIFY_REQUIRES_DONE']);
  });
});

describe('defaultActionItemDueDate', () => {
  it.each([
    ['sev1', 'p2', '2026-12-05'],
    ['sev1', 'p1', '2026-11-27'],
    ['sev4', 'p3', '2027-03-20'],
  ] as const)('%s %s items are due on %s', (severity, priority, expected) => {
    expect(
      defaultActionItemDueDate(defaultPolicy.actionItems.dueDays, severity, priority, '2026-11-20'),
    ).toBe(expected);
  });
});

describe('listCauses', () => {
  it('reads marked why-nodes and factors as one list, ignoring unmarked nodes and ideas', () => {
    const causes = listCauses(
      [
        {
          id: 'f1',
          description: 'No canary',
          category: 'process',
          isRootCause: false,
          acceptedRiskReason: null,
        },
      ],
      [
        {
          id: 'n1',
          question: 'Why?',
          answer: 'Pool sized for average load',
          category: null,
          mark: 'root_cause',
          acceptedRiskReason: null,
        },
        {
          id: 'n2',
          question: 'Why slow?',
          answer: '',
          category: null,
          mark: 'none',
          acceptedRiskReason: null,
        },
      ],
      [
        { id: 'i1', isIdea: false, linkedFactorIds: ['f1'], linkedWhyNodeIds: ['n1'] },
        { id: 'i2', isIdea: true, linkedFactorIds: [], linkedWhyNodeIds: ['n1'] },
      ],
    );
    expect(causes.map((c) => [c.id, c.origin, c.isRootCause, c.actionItemIds])).toEqual([
      ['n1', 'why_node', true, ['i1']],
      ['f1', 'contributing_factor', false, ['i1']],
    ]);
    expect(causes[0]?.text).toBe('Pool sized for average load');
  });
});
