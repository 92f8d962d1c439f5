import { join } from 'node:path';
import { build } from 'vite';
import { repoRoot } from './repo-root.ts';

/**
 * Builds the SPA into `dist/web` with the repository's own Vite config, as a production
 * build even though the test runner sets `NODE_ENV=test`.
 */
export async function buildWeb(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(repoRoot, 'vite.config.ts'),
      root: repoRoot,
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
