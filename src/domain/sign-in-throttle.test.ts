import { describe, expect, it } from 'vitest';
import { isDomainError } from './errors.ts';
import { assertSignInAllowed } from './sign-in-throttle.ts';

// The limits are written out as numbers on purpose: a test that looped over the exported constant
// would pass whatever the constant said.
const now = new Date('2026-11-20T12:00:00Z');
const minutesAgo = (n: number) => new Date(now.getTime() - n * 60_000);
const times = (count: number, at = minutesAgo(5)) => Array.from({ length: count }, () => at);

function refusal(account: Date[], address: Date[]) {
  try {
    assertSignInAllowed({ account, address }, now);
  } catch (error) {
    return isDomainError(error, 'RATE_LIMITED') ? error.details : 'other error';
  }
  return undefined;
}

describe('assertSignInAllowed', () => {
  it('allows nine failures for an account and refuses at ten, with the wait', () => {
    expect(refusal(times(9), times(9))).toBeUndefined();
    expect(refusal(times(10), times(10))).toEqual({ retryAfterSeconds: 10 * 60 });
  });

  it('refuses an address at thirty failures across accounts (spraying)', () => {
    expect(refusal([], times(29))).toBeUndefined();
    expect(refusal([], times(30))).toEqual({ retryAfterSeconds: 10 * 60 });
  });

  it('waits until enough of the counted failures have left the window', () => {
    const account = [...times(5, minutesAgo(14)), ...times(5, minutesAgo(2))];
    expect(refusal(account, account)).toEqual({ retryAfterSeconds: 60 });
  });
});
