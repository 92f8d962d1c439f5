import { useEffect, useSyncExternalStore } from 'react';
import type { LazyScene } from './lazy-scene.ts';

interface LazySceneViewProps<P> {
  scene: LazyScene<P>;
  props: P;
}

/**
 * Draws a lazy scene with `props`: at once when its code is there, the loading note the app
 * shows while it boots until it is, and its `ChunkLoadError` thrown to the nearest error
 * boundary when it could not be downloaded.
 */
export function LazySceneView<P extends object>({ scene, props }: LazySceneViewProps<P>) {
  const code = useSyncExternalStore(scene.subscribe, scene.getCode);
  useEffect(() => {
    void scene.preload();
  }, [scene]);
  if (code.kind === 'loaded') {
    return <code.Component {...props} />;
  }
  if (code.kind === 'failed') {
    throw code.error;
  }
  return (
    <p className="muted" aria-busy="true">
      Loading…
    </p>
  );
}
