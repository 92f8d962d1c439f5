import { useMemo } from 'react';
import { AppRoutes } from './AppRoutes.tsx';
import { AppHeader } from './components/AppHeader.tsx';
import { LoadState } from './components/LoadState.tsx';
import { SessionContext } from './features/session/session-context.ts';
import { useBoot } from './features/session/use-boot.ts';
import { useLocation } from './routing/use-location.ts';
import { ResetPasswordScene } from './scenes/ResetPassword/ResetPasswordScene.tsx';
import { SetupScene } from './scenes/Setup/SetupScene.tsx';
import { SignInScene } from './scenes/SignIn/SignInScene.tsx';

/** The app shell: boots the session, then shows setup, sign-in or the app. */
export function App() {
  const { state, boot, signedIn, signOut } = useBoot();
  const session = state.kind === 'signed-in' ? state.session : null;
  const { pathname } = useLocation();
  const sessionValue = useMemo(() => (session ? { session, signOut } : null), [session, signOut]);

  return (
    <>
      <AppHeader session={session} onSignOut={() => void signOut()} />
      <main id="main" className="content">
        {state.kind === 'loading' && <LoadState problem={null} onRetry={boot} />}
        {state.kind === 'failed' && <LoadState problem={state.problem} onRetry={boot} />}
        {state.kind === 'needs-setup' && <SetupScene onDone={signedIn} />}
        {state.kind === 'signed-out' &&
          (pathname === '/reset-password' ? (
            <ResetPasswordScene />
          ) : (
            <SignInScene onDone={signedIn} />
          ))}
        {sessionValue && (
          <SessionContext.Provider value={sessionValue}>
            <AppRoutes />
          </SessionContext.Provider>
        )}
      </main>
    </>
  );
}
