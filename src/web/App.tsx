import { useMemo } from 'react';
import { AppRoutes } from './AppRoutes.tsx';
import { AppHeader } from './components/AppHeader.tsx';
import { LoadState } from './components/LoadState.tsx';
import { SceneErrorBoundary } from './components/SceneErrorBoundary.tsx';
import { SessionContext } from './features/session/session-context.ts';
import { useBoot } from './features/session/use-boot.ts';
import { LazySceneView } from './routing/LazySceneView.tsx';
import { useLocation } from './routing/use-location.ts';
import { resetPasswordScene } from './scenes/lazy-scenes.ts';
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
            <SceneErrorBoundary resetKey={pathname}>
              <LazySceneView scene={resetPasswordScene} props={{}} />
            </SceneErrorBoundary>
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
