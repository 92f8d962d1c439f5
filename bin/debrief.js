#!/usr/bin/env node
// Runs the built JavaScript in lib/ (made by `npm install`, `npm start` or `npm run build`)
// when it was built from the sources as they are now; otherwise the TypeScript sources
// through tsx, so that edited sources never run as a stale build.
import { isBuildFresh } from '../scripts/build-state.mjs';

if (process.env.DEBRIEF_FROM_SOURCE !== 'true' && isBuildFresh('lib')) {
  const { runCli } = await import('../lib/cli/index.js');
  await runCli(process.argv);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runCli } = await import('../src/cli/index.ts');
  await runCli(process.argv);
}
