import { describe, expect, it } from 'vitest';
import { findMentionedEmails, hiddenSectionKeys } from './comment.ts';

describe('findMentionedEmails', () => {
  it('finds each @e-mail once, lower-cased, and ignores bare addresses and stray @', () => {
    expect(
      findMentionedEmails(
        '@Bo@Example.com can you check? cc (@ada@example.org), not me@example.com nor @ alone; @bo@example.com again',
      ),
    ).toEqual(['bo@example.com', 'ada@example.org']);
    expect(findMentionedEmails('no mentions here')).toEqual([]);
  });
});

describe('hiddenSectionKeys', () => {
  it('hides sections restricted to others, never from admins', () => {
    const restricted = [{ key: 'security_details', memberIds: ['sec'] }];
    expect([...hiddenSectionKeys(restricted, { id: 'bo', role: 'member' })]).toEqual([
      'security_details',
    ]);
    expect([...hiddenSectionKeys(restricted, { id: 'sec', role: 'member' })]).toEqual([]);
    expect([...hiddenSectionKeys(restricted, { id: 'root', role: 'admin' })]).toEqual([]);
  });
});
