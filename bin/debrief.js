#!/usr/bin/env node
// Runs the built JavaScript in lib/ (made by `npm install`, `npm start` or `npm run build`)
// when it was built from the sources as they are now; otherwise the TypeScript sources
// through tsx, so that edited sources never run as a stale build. `debrief lint` runs from its
// one-file bundle when the build made one (scripts/build.mjs): it starts in half the time.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isBuildFresh } from '../scripts/build-state.mjs';

const lintBundle = new URL('../lib/cli/lint-bundle.cjs', import.meta.url);

if (process.env.DEBRIEF_FROM_SOURCE !== 'true' && isBuildFresh('lib')) {
  const { runCli } =
    process.argv[2] === 'lint' && existsSync(lintBundle)
      ? createRequire(import.meta.url)(lintBundle.pathname)
      : await import('../lib/cli/index.js');
  await runCli(process.argv);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runCli } = await import('../src/cli/index.ts');
  await runCli(process.argv);
}
