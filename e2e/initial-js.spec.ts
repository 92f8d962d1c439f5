import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { isBuildFresh } from '../scripts/build-state.mjs';
import { buildWeb } from './support/build-web.ts';
import { repoRoot } from './support/repo-root.ts';

/** What the browser must download before the app can run: gzip budget of the built web app. */
const initialJsBudgetBytes = 150 * 1024;

describe('the web build', () => {
  beforeAll(async () => {
    if (!isBuildFresh('dist/web')) {
      await buildWeb();
    }
  });

  it(`loads at most ${initialJsBudgetBytes / 1024} KB of gzipped JavaScript before the app runs`, () => {
    const web = join(repoRoot, 'dist/web');
    const html = readFileSync(join(web, 'index.html'), 'utf8');
    // The entry script and every chunk it imports statically (Vite preloads those).
    const initial = [
      ...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
      ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
    ].map((match) => match[1] as string);
    expect(initial.length).toBeGreaterThan(0);
    const sizes = initial.map((file) => ({
      file,
      gzipBytes: gzipSync(readFileSync(join(web, file))).length,
    }));
    const total = sizes.reduce((sum, size) => sum + size.gzipBytes, 0);
    expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(initialJsBudgetBytes);
  });
});
