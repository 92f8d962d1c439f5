import { describe, expect, it } from 'vitest';
import { codeToWords, describeAction } from './humanize.ts';

describe('people-facing words for codes', () => {
  it('reads audit actions as words', () => {
    expect(describeAction('postmortem.phase_changed')).toBe('Postmortem phase changed');
    expect(describeAction('action_item.created')).toBe('Action item created');
    expect(describeAction('api_token.revoked')).toBe('API token revoked');
  });

  it('reads any lower_snake code as words', () => {
    expect(codeToWords('follow_up')).toBe('follow up');
    expect(codeToWords('in_progress')).toBe('in progress');
  });
});
