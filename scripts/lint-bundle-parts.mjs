// What the lint bundle (scripts/build.mjs) carries besides the CLI: a copy of compromise's
// lexicon for name checks, and compromise itself with its word model computed at build time.
// Each is made in a child process, so that `npm start`'s server, which runs the build check in
// its own process, never holds compromise.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './build-state.mjs';

const compromiseSrc = join(root, 'node_modules', 'compromise', 'src');

/** Runs an ES module source in a child Node process and returns what it printed. */
function runChild(source) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error('a child process of the lint bundle build failed');
  }
  return result.stdout;
}

/**
 * The source of the bundle's `prebuilt-lexicon` module: compromise's lexicon as the linter
 * reads it (`nameLexicon` of lib/analysis/blameless/tagger.js). 0.2 s of CPU less on a
 * `debrief lint` whose sentences need no tagging: checking a capitalised word against the
 * lexicon no longer loads the tagger.
 */
export function prebuiltLexiconModule(libDir) {
  const tagger = pathToFileURL(join(libDir, 'analysis/blameless/tagger.js')).href;
  const table = runChild(`
    import { createRequire } from 'node:module';
    import { nameLexicon } from ${JSON.stringify(tagger)};
    const nlp = createRequire(${JSON.stringify(join(root, 'package.json'))})('compromise/two');
    process.stdout.write(JSON.stringify(nameLexicon(nlp.model().one.lexicon)));`);
  return [
    'let table;',
    'export function prebuiltLexicon() {',
    `  table ??= JSON.parse(${JSON.stringify(table)});`,
    '  return table;',
    '}',
  ].join('\n');
}

/** Replaces `from` by `to` in `source`, or says the installed compromise no longer has it. */
function patch(source, from, to, file) {
  if (!source.includes(from)) {
    throw new Error(`compromise's ${file} changed; the lint bundle's tagger needs a look`);
  }
  return source.replace(from, to);
}

/**
 * compromise's `two` build with its start-up work done at build time, ≈ 0.16 s of CPU less per
 * `debrief lint` that tags (0.25 → 0.09 s to load it):
 * - the part-of-speech model unpacks and conjugates its lexicon on load (≈ 0.13 s); the
 *   bundled model module holds the result as JSON instead;
 * - installing a plugin copies every word with `Object.assign(model, { [key]: value })`, a new
 *   object per word; a plain assignment does the same without them.
 */
function taggerPlugin() {
  return {
    name: 'prebuilt-tagger',
    setup(build) {
      build.onLoad({ filter: /[\\/]preTagger[\\/]model[\\/]index\.js$/ }, ({ path }) => {
        const model = runChild(`
          import model from ${JSON.stringify(pathToFileURL(path).href)};
          const { lexicon, _multiCache } = model.one;
          const { switches, uncountable } = model.two;
          process.stdout.write(JSON.stringify({ lexicon, _multiCache, switches, uncountable }));`);
        let source = readFileSync(path, 'utf8');
        const file = 'preTagger/model/index.js';
        for (const [from, to] of [
          [
            "import { lexicon, switches, frozenLex } from './lexicon/index.js'",
            "import frozenLex from './lexicon/frozenLex.js'",
          ],
          [
            "import expandLexicon from './_expand/index.js'",
            `const built = JSON.parse(${JSON.stringify(model)})`,
          ],
          ['_multiCache: {},', '_multiCache: built._multiCache,'],
          ['    lexicon,\n', '    lexicon: built.lexicon,\n'],
          ['    switches,\n', '    switches: built.switches,\n'],
          ['uncountable: {},', 'uncountable: built.uncountable,'],
          ['model = expandLexicon(model)', ''],
        ]) {
          source = patch(source, from, to, file);
        }
        return { contents: source, loader: 'js' };
      });
      build.onLoad({ filter: /[\\/]API[\\/]extend\.js$/ }, ({ path }) => ({
        contents: patch(
          readFileSync(path, 'utf8'),
          'Object.assign(model, { [key]: plugin[key] })',
          'model[key] = plugin[key]',
          'API/extend.js',
        ),
        loader: 'js',
      }));
    },
  };
}

/**
 * Whether the built tagger is compromise as installed: the same model, every key in the same
 * order (RegExps, functions and `undefined` included), and the same terms, tags and offsets on
 * a text.
 */
function sameAsCompromise(outfile) {
  const verdict = runChild(`
    import { createRequire } from 'node:module';
    const require = createRequire(${JSON.stringify(join(root, 'package.json'))});
    const text = 'Priya deployed the bad config. The on-call SRE shouldn\\'t have restarted ' +
      'Kafka; it wasn\\'t Bob\\'s fault, but the pipeline\\'s 3 retries failed at 02:10 UTC.';
    const show = (value) => JSON.stringify(value, (_, v) =>
      v instanceof RegExp ? 'RegExp ' + String(v)
      : typeof v === 'function' ? 'function ' + v.name
      : v === undefined ? 'undefined' : v);
    // A term's id holds a counter of every term made so far: left out.
    const terms = (json) => JSON.stringify(json, (key, v) => (key === 'id' ? undefined : v));
    const summary = (nlp) => show(nlp.model()) +
      terms([nlp(text).json({ offset: true }), nlp.tokenize(text).json({ offset: true })]);
    const installed = summary(require('compromise/two'));
    process.stdout.write(String(installed === summary(require(${JSON.stringify(outfile)}))));`);
  return verdict === 'true';
}

/**
 * Builds `outfile`, compromise's `two` with its start-up work done at build time, and checks
 * it against compromise as installed. Returns false, with no file, when either fails: the
 * lint bundle then requires compromise as installed.
 */
export async function buildTagger(esbuild, outfile) {
  try {
    await esbuild.build({
      entryPoints: [join(compromiseSrc, 'two.js')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // Exported as compromise's own CommonJS build exports it: the function itself.
      footer: { js: 'module.exports = module.exports.default;' },
      plugins: [taggerPlugin()],
      logLevel: 'warning',
    });
    if (sameAsCompromise(outfile)) {
      return true;
    }
    console.warn('warning: the prebuilt tagger differs from compromise; lint loads compromise');
  } catch (error) {
    console.warn(`warning: ${error.message}; lint loads compromise as installed`);
  }
  rmSync(outfile, { force: true });
  return false;
}
