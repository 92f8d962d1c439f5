// `npm run build` (also run by `npm install` and `npm start`): compiles the server and the CLI
// into lib/ (tsc, same folder layout as src/) and the web app into dist/web (Vite), each only
// when its inputs changed since its last build. `--force` rebuilds both. `--best-effort` (the
// `prepare` of `npm install`) warns instead of failing: the CLI then runs the sources through
// tsx, and `npm start` builds again and says what is wrong.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isBuildFresh, root, writeBuildInputs } from './build-state.mjs';

const force = process.argv.includes('--force');
const bestEffort = process.argv.includes('--best-effort');

/** Every file tsc compiles or the built server reads at run time (the migrations). */
function serverInputs() {
  const files = ['tsconfig.json', 'tsconfig.build.json'];
  for (const entry of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const inWeb = path.startsWith(join(root, 'src', 'web'));
    const isTest = entry.name.endsWith('.test.ts');
    const isMigration = path.startsWith(join(root, 'src', 'storage', 'migrations'));
    if (entry.isFile() && !inWeb && !isTest && (entry.name.endsWith('.ts') || isMigration)) {
      files.push(path);
    }
  }
  return files;
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    if (bestEffort) {
      console.warn(`warning: \`${args.join(' ')}\` failed; npm start will try again`);
      process.exit(0);
    }
    process.exit(result.status ?? 1);
  }
}

/** Compiles into a fresh directory and swaps it in, so a running CLI never sees half a build. */
function buildServer() {
  const started = performance.now();
  const inputs = serverInputs();
  const next = `lib.next-${process.pid}`;
  const previous = `lib.previous-${process.pid}`;
  rmSync(join(root, next), { recursive: true, force: true });
  run(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', next]);
  cpSync(join(root, 'src/storage/migrations'), join(root, next, 'storage/migrations'), {
    recursive: true,
  });
  writeBuildInputs(next, inputs);
  try {
    renameSync(join(root, 'lib'), join(root, previous));
  } catch {
    // No earlier build.
  }
  renameSync(join(root, next), join(root, 'lib'));
  rmSync(join(root, previous), { recursive: true, force: true });
  console.log(`built lib/ (server and CLI) in ${Math.round(performance.now() - started)} ms`);
}

function buildWeb() {
  const started = performance.now();
  run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
  console.log(`built dist/web (web app) in ${Math.round(performance.now() - started)} ms`);
}

if (force || !isBuildFresh('lib')) {
  buildServer();
}
if (force || !isBuildFresh('dist/web')) {
  buildWeb();
}
