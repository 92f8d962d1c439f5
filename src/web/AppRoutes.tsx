import { SceneErrorBoundary } from './components/SceneErrorBoundary.tsx';
import { useLocation } from './routing/use-location.ts';
import { sceneForPath } from './scenes/scene-for-path.tsx';

/**
 * Draws the scene for the current path (`sceneForPath`), its code downloaded on the first
 * visit; what a scene throws, a download that failed included, stays inside the page.
 */
export function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <SceneErrorBoundary resetKey={pathname}>{sceneForPath(pathname).element}</SceneErrorBoundary>
  );
}
