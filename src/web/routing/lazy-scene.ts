import type { ComponentType } from 'react';
import { ChunkLoadError } from './chunk-load-error.ts';

/** Where a scene's code stands. */
export type SceneCode<P> =
  | { kind: 'loading' }
  | { kind: 'loaded'; Component: ComponentType<P> }
  | { kind: 'failed'; error: ChunkLoadError };

/** A page whose code is downloaded on its first visit, or earlier when preloaded. */
export interface LazyScene<P> {
  /** Starts downloading the scene's code, once; settles when it is there or has failed. */
  preload: () => Promise<void>;
  /** Where its code stands now (a snapshot for `useSyncExternalStore`). */
  getCode: () => SceneCode<P>;
  /** Calls `listener` when its code has arrived or failed; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
}

/**
 * A scene loaded on demand, drawn by `LazySceneView`. Not `React.lazy`: a lazy component
 * suspends on its first render even when its code has already arrived, and React then holds
 * the revealed screen back for a moment; a preloaded scene is drawn in the render that first
 * asks for it.
 */
export function lazyScene<P extends object>(load: () => Promise<ComponentType<P>>): LazyScene<P> {
  let code: SceneCode<P> = { kind: 'loading' };
  let loading: Promise<void> | undefined;
  const listeners = new Set<() => void>();
  const settle = (next: SceneCode<P>) => {
    code = next;
    for (const listener of listeners) {
      listener();
    }
  };
  return {
    preload: () => {
      loading ??= load().then(
        (Component) => settle({ kind: 'loaded', Component }),
        (cause: unknown) => settle({ kind: 'failed', error: new ChunkLoadError(cause) }),
      );
      return loading;
    },
    getCode: () => code,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
