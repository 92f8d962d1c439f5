import { describe, expect, it } from 'vitest';
import { countsAsApproval, mayDecide, missingApprovalRoles } from './review-request.ts';

const context = { authorUserId: 'author', authorMayApprove: false };

describe('countsAsApproval', () => {
  it('counts an approval by someone other than the author only', () => {
    expect(countsAsApproval({ status: 'approved', decidedById: 'ada' }, context)).toBe(true);
    expect(countsAsApproval({ status: 'approved', decidedById: 'author' }, context)).toBe(false);
    expect(
      countsAsApproval(
        { status: 'approved', decidedById: 'author' },
        { ...context, authorMayApprove: true },
      ),
    ).toBe(true);
    expect(countsAsApproval({ status: 'changes_requested', decidedById: 'ada' }, context)).toBe(
      false,
    );
    expect(countsAsApproval({ status: 'pending', decidedById: null }, context)).toBe(false);
  });
});

describe('mayDecide', () => {
  it('lets the requested person, or any member of the requested team, answer', () => {
    expect(mayDecide({ reviewerUserId: 'ada', team: null }, 'ada', [])).toBe(true);
    expect(mayDecide({ reviewerUserId: 'ada', team: null }, 'bo', ['bo'])).toBe(false);
    expect(mayDecide({ reviewerUserId: null, team: 'legal' }, 'bo', ['bo'])).toBe(true);
    expect(mayDecide({ reviewerUserId: null, team: 'legal' }, 'cy', ['bo'])).toBe(false);
  });
});

describe('missingApprovalRoles', () => {
  it('names each role without a counted approval', () => {
    const requests = [
      { role: 'security', status: 'approved' as const, decidedById: 'sec' },
      { role: 'legal', status: 'changes_requested' as const, decidedById: 'law' },
      { role: null, status: 'approved' as const, decidedById: 'ada' },
    ];
    expect(missingApprovalRoles(requests, ['security', 'legal'], context)).toEqual(['legal']);
    expect(missingApprovalRoles([], ['security'], context)).toEqual(['security']);
    const byAuthor = [{ role: 'security', status: 'approved' as const, decidedById: 'author' }];
    expect(missingApprovalRoles(byAuthor, ['security'], context)).toEqual(['security']);
  });
});
