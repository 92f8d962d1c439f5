import { describe, expect, it } from 'vitest';
import {
  isNamedApprover,
  publicationContent,
  publicationRefusals,
  sensitiveProcessFor,
} from './publication.ts';
import { defaultSensitiveProcesses } from './publishing-policy.ts';

describe('publicationRefusals', () => {
  it('lets a postmortem in follow-up be published internally when no role is missing', () => {
    expect(
      publicationRefusals({ audience: 'internal', phase: 'follow_up', missingRoles: [] }),
    ).toEqual([]);
  });

  it('lists every reason at once', () => {
    expect(
      publicationRefusals({
        audience: 'public',
        phase: 'documentation',
        missingRoles: ['security', 'legal'],
      }).map((r) => [r.code, r.role]),
    ).toEqual([
      ['PHASE_TOO_EARLY', undefined],
      ['APPROVAL_MISSING', 'security'],
      ['APPROVAL_MISSING', 'legal'],
      ['NOT_PUBLISHED_INTERNALLY', undefined],
      ['NO_PREVIEW', undefined],
      ['NOT_A_NAMED_APPROVER', undefined],
    ]);
  });

  it('lets a named approver publish a previewed public version of a closed review', () => {
    expect(
      publicationRefusals({
        audience: 'public',
        phase: 'closed',
        missingRoles: [],
        isNamedApprover: true,
        hasPreview: true,
        publishedInternally: true,
      }),
    ).toEqual([]);
  });
});

describe('the modified process', () => {
  it('applies to security incidents by default, not to outages', () => {
    expect(
      sensitiveProcessFor(defaultSensitiveProcesses, [{ kind: 'security' }])?.requiredReviewRoles,
    ).toEqual(['security', 'legal']);
    expect(sensitiveProcessFor(defaultSensitiveProcesses, [{ kind: 'outage' }])).toBeUndefined();
  });

  it('publishes its learning summary only; an open review whole; a restricted one its summary', () => {
    expect(publicationContent(true, defaultSensitiveProcesses[0])).toEqual({
      mode: 'summary',
      sections: ['learning_summary'],
    });
    expect(publicationContent(false, undefined)).toEqual({ mode: 'full' });
    expect(publicationContent(true, undefined)).toEqual({
      mode: 'summary',
      sections: ['summary', 'lessons_learned'],
    });
  });
});

describe('isNamedApprover', () => {
  it('is an admin when the policy names nobody, else exactly the named people', () => {
    expect(isNamedApprover({ email: 'a@example.com', role: 'admin' }, [])).toBe(true);
    expect(isNamedApprover({ email: 'm@example.com', role: 'member' }, [])).toBe(false);
    expect(
      isNamedApprover({ email: 'Comms@Example.com', role: 'member' }, ['comms@example.com']),
    ).toBe(true);
    expect(isNamedApprover({ email: 'a@example.com', role: 'admin' }, ['comms@example.com'])).toBe(
      false,
    );
  });
});
