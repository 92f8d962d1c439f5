import { afterAll, beforeAll } from 'vitest';
import type { TestServer } from './test-server.ts';

/**
 * Starts a scene (a test server and what a suite seeds on it) before the enclosing suite's first
 * test and closes its server after the last. The returned object is filled in by then: read its
 * fields inside tests and hooks, not while the suite is being declared. `extra` is there at once.
 */
export function startSuiteScene<S extends { server: TestServer }, E extends object = object>(
  start: () => Promise<S>,
  extra?: (scene: S) => E,
): S & E {
  const scene = {} as S & E;
  if (extra) {
    Object.assign(scene, extra(scene));
  }
  beforeAll(async () => {
    Object.assign(scene, await start());
  });
  afterAll(() => scene.server?.close());
  return scene;
}
