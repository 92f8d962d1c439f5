import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors.ts';
import { createSignInThrottle, signInFailuresAllowed, signInWindowMs } from './sign-in-throttle.ts';

describe('createSignInThrottle', () => {
  const setup = () => {
    let now = Date.parse('2026-11-20T12:00:00Z');
    const throttle = createSignInThrottle(() => new Date(now));
    return { throttle, advance: (ms: number) => (now += ms) };
  };
  const refusal = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      return isDomainError(error, 'RATE_LIMITED') ? error.details : undefined;
    }
    return undefined;
  };

  it('allows attempts up to the limit, then refuses with the wait', () => {
    const { throttle } = setup();
    for (let i = 0; i < signInFailuresAllowed; i++) {
      throttle.assertAllowed('a');
      throttle.recordFailure('a');
    }
    expect(refusal(() => throttle.assertAllowed('a'))).toEqual({
      retryAfterSeconds: signInWindowMs / 1000,
    });
    expect(refusal(() => throttle.assertAllowed('b'))).toBeUndefined();
  });

  it('forgets failures once the window has passed, and on success', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < signInFailuresAllowed; i++) {
      throttle.recordFailure('a');
      throttle.recordFailure('b');
    }
    advance(signInWindowMs + 1);
    expect(refusal(() => throttle.assertAllowed('a'))).toBeUndefined();
    throttle.recordSuccess('b');
    expect(refusal(() => throttle.assertAllowed('b'))).toBeUndefined();
  });
});
