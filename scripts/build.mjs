// `npm run build` (also run by `npm install` and `npm start`): compiles the server and the CLI
// into lib/ (tsc, same folder layout as src/), bundles `debrief lint` into one CommonJS file
// (lib/cli/lint-bundle.cjs, esbuild) and the web app into dist/web (Vite), each only when its
// inputs changed since its last build. `--force` rebuilds both. `--best-effort` (the
// `prepare` of `npm install`) warns instead of failing: the CLI then runs the sources through
// tsx, and `npm start` builds again and says what is wrong.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isBuildFresh, root, writeBuildInputs } from './build-state.mjs';
import { buildTagger, prebuiltLexiconModule } from './lint-bundle-parts.mjs';

const force = process.argv.includes('--force');
const bestEffort = process.argv.includes('--best-effort');

/**
 * Every file tsc compiles or the built server reads at run time (the migrations), and
 * compromise's manifest: the lint bundle holds a copy of its lexicon, rebuilt when it changes.
 */
function serverInputs() {
  const files = ['tsconfig.json', 'tsconfig.build.json', 'node_modules/compromise/package.json'];
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

/**
 * What `debrief lint` must never load: the database and its drivers, the web server, the web
 * app. (The storage layer's error translators are plain functions; the CLI's error printer uses
 * them.)
 */
const notForLint =
  /(?:^|\/)(?:server|web)\/|\/storage\/(?!loggable-error|translate-storage-error)|node_modules\/(?:@electric-sql|fastify|@fastify|pg|drizzle-orm|react)\//;

/**
 * `debrief lint` as one CommonJS file: the CLI, the linter, markdown-it and YAML in one script
 * instead of ≈ 120 ES modules to resolve, load and link, about 0.2 s of CPU less per run.
 * compromise stays outside (its prebuilt copy, lint-tagger.cjs, is required when a text needs
 * it; scripts/lint-bundle-parts.mjs), so do the other commands (`bin/debrief.js` sends only
 * `lint` here). Without esbuild (an install without dev dependencies) there is no bundle and
 * `lint` runs the modules of lib/ as every command does.
 */
async function bundleLint(dir) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    console.warn('note: esbuild is not installed; `debrief lint` runs unbundled');
    return;
  }
  const cliDir = join(root, dir, 'cli');
  const hasTagger = await buildTagger(esbuild, join(cliDir, 'lint-tagger.cjs'));
  const onlyLint = {
    name: 'only-lint',
    setup(build) {
      // Other commands stay out, imported (never, from bin/debrief.js) from their place in lib/.
      build.onResolve({ filter: /^\.\.?\/commands\// }, (args) =>
        args.path.endsWith('/commands/lint.js')
          ? undefined
          : { path: `./${relative(cliDir, resolve(args.resolveDir, args.path))}`, external: true },
      );
      build.onLoad({ filter: /[\\/]cli[\\/]lint[\\/]prebuilt-lexicon\.js$/ }, () => ({
        contents: prebuiltLexiconModule(join(root, dir)),
        loader: 'js',
      }));
      // The prebuilt tagger is a file of its own next to the bundle, required on first use.
      build.onLoad({ filter: /[\\/]cli[\\/]lint[\\/]prebuilt-tagger\.js$/ }, () => ({
        contents: hasTagger
          ? "export const prebuiltTagger = () => require(require('node:path').join(__dirname, 'lint-tagger.cjs'));"
          : 'export const prebuiltTagger = undefined;',
        loader: 'js',
      }));
    },
  };
  const result = await esbuild.build({
    entryPoints: [join(cliDir, 'index.js')],
    outfile: join(cliDir, 'lint-bundle.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['compromise'],
    // Reading package.json and requiring compromise go from the bundle's own place in lib/cli.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [onlyLint],
    metafile: true,
    logLevel: 'warning',
  });
  // Its service process would otherwise live on in `npm start`'s server (scripts/start.mjs).
  await esbuild.stop();
  const heavy = Object.keys(result.metafile.inputs).filter((input) => notForLint.test(input));
  if (heavy.length > 0) {
    throw new Error(`the lint bundle would hold ${heavy.join(', ')}`);
  }
}

/** Compiles into a fresh directory and swaps it in, so a running CLI never sees half a build. */
async function buildServer() {
  const started = performance.now();
  const inputs = serverInputs();
  const next = `lib.next-${process.pid}`;
  const previous = `lib.previous-${process.pid}`;
  rmSync(join(root, next), { recursive: true, force: true });
  run(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', next]);
  await bundleLint(next);
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
  await buildServer();
}
if (force || !isBuildFresh('dist/web')) {
  buildWeb();
}
