import { describe, expect, it } from 'vitest';
import {
  type ActionItem,
  actionItemStatuses,
  assertActionItemInvariants,
  hasNoOwner,
  isSettled,
} from './action-item.ts';
import { DomainError, isDomainError } from './errors.ts';

type Checked = Pick<ActionItem, 'status' | 'wontDoReason' | 'verificationEvidence'>;

function invariantError(item: Checked): DomainError | undefined {
  try {
    assertActionItemInvariants(item);
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) {
      return error;
    }
    throw error;
  }
}

describe('assertActionItemInvariants', () => {
  it.each(['open', 'in_progress', 'done'] as const)('accepts a bare %s item', (status) => {
    expect(invariantError({ status, wontDoReason: null, verificationEvidence: null })).toBe(
      undefined,
    );
  });

  it.each([null, '', '  \n'])("refuses won't do with reason %j", (wontDoReason) => {
    const error = invariantError({ status: 'wont_do', wontDoReason, verificationEvidence: null });
    expect(isDomainError(error, 'INVARIANT_VIOLATED')).toBe(true);
    expect(error?.details).toEqual({ field: 'wontDoReason', rule: 'WONT_DO_WITHOUT_REASON' });
  });

  it("accepts won't do with a reason", () => {
    expect(
      invariantError({ status: 'wont_do', wontDoReason: 'Superseded', verificationEvidence: null }),
    ).toBe(undefined);
  });

  it.each([null, '', ' '])('refuses verified with evidence %j', (verificationEvidence) => {
    const error = invariantError({ status: 'verified', wontDoReason: null, verificationEvidence });
    expect(error?.code).toBe('INVARIANT_VIOLATED');
    expect(error?.details).toEqual({
      field: 'verificationEvidence',
      rule: 'VERIFIED_WITHOUT_EVIDENCE',
    });
  });

  it('accepts verified with evidence', () => {
    expect(
      invariantError({
        status: 'verified',
        wontDoReason: null,
        verificationEvidence: 'Drill passed on 2024-03-28',
      }),
    ).toBe(undefined);
  });
});

describe('isSettled', () => {
  it.each([
    ['open', null, false],
    ['in_progress', null, false],
    ['done', null, false],
    ['verified', null, true],
    ['wont_do', 'Superseded', true],
    ['wont_do', '   ', false],
    ['wont_do', null, false],
  ] as const)('%s with reason %j → %s', (status, wontDoReason, settled) => {
    expect(isSettled({ status, wontDoReason })).toBe(settled);
  });

  it('covers every status', () => {
    expect(actionItemStatuses).toEqual(['open', 'in_progress', 'done', 'verified', 'wont_do']);
  });
});

describe('hasNoOwner', () => {
  it.each([
    [null, null, true],
    ['', null, true],
    ['   ', null, true],
    [null, '', true],
    ['Platform team', null, false],
    [null, 'user-1', false],
    ['Ada', 'user-1', false],
  ] as const)('name %j, account %j → %s', (ownerName, ownerUserId, none) => {
    expect(hasNoOwner({ ownerName, ownerUserId })).toBe(none);
  });
});
