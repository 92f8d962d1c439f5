import { useCallback, useEffect, useState } from 'react';
import type { Problem } from '../../../contracts/problem.ts';
import { ApiError, toProblem } from '../../api/api-error.ts';
import { authApi, type Session } from '../../api/auth-api.ts';
import { setCsrfToken, setUnauthorizedListener } from '../../api/http.ts';

export type BootState =
  | { kind: 'loading' }
  | { kind: 'failed'; problem: Problem }
  | { kind: 'needs-setup' }
  | { kind: 'signed-out' }
  | { kind: 'signed-in'; session: Session };

/**
 * Decides what the app shows first: the first-admin form when the workspace is empty,
 * the sign-in form without a session, the app with one.
 */
export function useBoot() {
  const [state, setState] = useState<BootState>({ kind: 'loading' });

  const signedIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ kind: 'signed-in', session });
  }, []);

  const signedOut = useCallback(() => {
    setCsrfToken(null);
    setState({ kind: 'signed-out' });
  }, []);

  const boot = useCallback(async () => {
    setState({ kind: 'loading' });
    // Both questions at once: asked one after the other, the app waited a round trip more
    // before its first screen. The session's answer is read only once the workspace is set up
    // (before that it is always a 401), so its refusal is caught here, never left unhandled.
    const setupStatus = authApi.getSetupStatus();
    const session = authApi.getSession();
    session.catch(() => undefined);
    try {
      const { needsSetup } = await setupStatus;
      if (needsSetup) {
        setState({ kind: 'needs-setup' });
        return;
      }
      signedIn(await session);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        signedOut();
      } else {
        setState({ kind: 'failed', problem: toProblem(error) });
      }
    }
  }, [signedIn, signedOut]);

  useEffect(() => {
    setUnauthorizedListener(signedOut);
    void boot();
    return () => setUnauthorizedListener(null);
  }, [boot, signedOut]);

  const signOut = useCallback(async () => {
    try {
      await authApi.signOut();
    } finally {
      signedOut();
    }
  }, [signedOut]);

  return { state, boot, signedIn, signOut };
}
