import { describe, expect, it } from 'vitest';
import { ChunkLoadError } from './chunk-load-error.ts';
import { lazyScene } from './lazy-scene.ts';

function SomeScene({ id }: { id: string }) {
  return id;
}

describe('lazyScene', () => {
  it('downloads the code once however often it is preloaded, and tells its listeners', async () => {
    let loads = 0;
    const scene = lazyScene(async () => {
      loads += 1;
      return SomeScene;
    });
    let told = 0;
    scene.subscribe(() => {
      told += 1;
    });
    expect(scene.getCode().kind).toBe('loading');
    const first = scene.preload();
    const second = scene.preload();
    expect(second).toBe(first);
    await first;
    expect(loads).toBe(1);
    expect(told).toBe(1);
    expect(scene.getCode()).toEqual({ kind: 'loaded', Component: SomeScene });
  });

  it('turns a failed download into a ChunkLoadError that keeps its cause, without rejecting', async () => {
    const cause = new TypeError('Failed to fetch dynamically imported module');
    const scene = lazyScene<{ id: string }>(() => Promise.reject(cause));
    await expect(scene.preload()).resolves.toBeUndefined();
    const code = scene.getCode();
    expect(code.kind).toBe('failed');
    if (code.kind === 'failed') {
      expect(code.error).toBeInstanceOf(ChunkLoadError);
      expect(code.error.cause).toBe(cause);
    }
  });

  it('stops telling a listener that unsubscribed', async () => {
    const scene = lazyScene(async () => SomeScene);
    let told = 0;
    const unsubscribe = scene.subscribe(() => {
      told += 1;
    });
    unsubscribe();
    await scene.preload();
    expect(told).toBe(0);
  });
});
