import { describe, expect, it } from 'vitest';
import type { User } from '../domain/user.ts';
import { PresumedAccounts, sameAccount } from './presumed-accounts.ts';

const account = (id: string, changes: Partial<User> = {}): User => ({
  id,
  email: `${id}@example.com`,
  name: `Person ${id}`,
  role: 'member',
  disabled: false,
  createdAt: new Date('2026-11-01T00:00:00Z'),
  ...changes,
});

describe('presumed accounts', () => {
  it('remembers up to its bound, forgetting the credential used least recently', () => {
    const presumed = new PresumedAccounts(2);
    presumed.remember('hash-a', account('a'));
    presumed.remember('hash-b', account('b'));
    presumed.remember('hash-a', account('a'));
    presumed.remember('hash-c', account('c'));
    expect(presumed.size).toBe(2);
    expect(presumed.presume('hash-b')).toBeUndefined();
    expect(presumed.presume('hash-a')?.id).toBe('a');
    expect(presumed.presume('hash-c')?.id).toBe('c');
  });

  it('lets one read at a time start on a credential, until its check ends', () => {
    const presumed = new PresumedAccounts();
    presumed.remember('hash-a', account('a'));
    expect(presumed.presume('hash-a')?.id).toBe('a');
    expect(presumed.presume('hash-a')).toBeUndefined();
    presumed.remember('hash-a', account('a'));
    expect(presumed.presume('hash-a')?.id).toBe('a');
    presumed.forget('hash-a');
    expect(presumed.presume('hash-a')).toBeUndefined();
  });

  it('forgets every credential of an account at once, and only those', () => {
    const presumed = new PresumedAccounts();
    presumed.remember('session-a', account('a'));
    presumed.remember('token-a', account('a'));
    presumed.remember('session-b', account('b'));
    presumed.forgetAccount('a');
    expect(presumed.size).toBe(1);
    expect(presumed.presume('session-b')?.id).toBe('b');
  });

  it('forgets a refused credential', () => {
    const presumed = new PresumedAccounts();
    presumed.remember('hash-a', account('a'));
    presumed.forget('hash-a');
    expect(presumed.presume('hash-a')).toBeUndefined();
  });

  it('takes work done as an account for its own only when nothing about the account changed', () => {
    const before = account('a');
    expect(sameAccount(before, account('a'))).toBe(true);
    for (const changed of [
      account('b'),
      account('a', { role: 'admin' }),
      account('a', { role: 'viewer' }),
      account('a', { disabled: true }),
      account('a', { name: 'Another name' }),
      account('a', { email: 'other@example.com' }),
      account('a', { createdAt: new Date('2026-11-02T00:00:00Z') }),
    ]) {
      expect(sameAccount(before, changed)).toBe(false);
    }
  });
});
