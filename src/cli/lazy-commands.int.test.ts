import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isBuildFresh } from '../../scripts/build-state.mjs';
import { modulesLoadedBy } from '../../test/cli/modules-loaded-by.ts';
import { runDebrief as debrief } from '../../test/cli/run-debrief.ts';

const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** Modules that only commands touching the database or serving HTTP may load. */
const heavy = [
  /\/src\/storage\/|\/lib\/storage\//,
  /\/src\/server\/|\/lib\/server\//,
  /\/src\/web\/|\/lib\/web\//,
  /node_modules\/@electric-sql\/pglite\//,
  /node_modules\/drizzle-orm\//,
  /node_modules\/pg\//,
  /node_modules\/fastify\//,
  /node_modules\/react\//,
];
const nlp = /node_modules\/compromise\//;

const loadedHeavy = (urls: string[]) => urls.filter((url) => heavy.some((re) => re.test(url)));

describe('the debrief binary loads only what a command uses', () => {
  it('prints its version with --version', async () => {
    const run = await debrief(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('runs the built JavaScript when it is fresh, the TypeScript sources otherwise', async () => {
    const built = isBuildFresh('lib');
    const run = await modulesLoadedBy(['--version']);
    expect(run.code).toBe(0);
    const entry = built ? '/lib/cli/index.js' : '/src/cli/index.ts';
    expect(run.urls.filter((url) => url.endsWith(entry))).toHaveLength(1);
    expect(run.urls.some((url) => url.includes('/node_modules/tsx/'))).toBe(!built);
  });

  it('--help loads no database, server, web or NLP module', async () => {
    const run = await modulesLoadedBy(['--help']);
    expect(run.code).toBe(0);
    expect(run.urls.some((url) => url.includes('/cli/index.'))).toBe(true);
    expect(loadedHeavy(run.urls)).toEqual([]);
    expect(run.urls.filter((url) => nlp.test(url))).toEqual([]);
  });

  it('--help loads only commander and the command registrations, never a command module', async () => {
    const run = await modulesLoadedBy(['--help']);
    expect(run.code).toBe(0);
    const ours = run.urls.filter(
      (url) => /\/(src|lib)\//.test(url) && !url.includes('/node_modules/'),
    );
    const registrationOnly =
      /\/cli\/(index|command-options|registration\/register-[a-z-]+)\.(ts|js)$/;
    expect(ours.filter((url) => !registrationOnly.test(url))).toEqual([]);
    const packages = new Set(
      run.urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.slice(1) ?? []),
    );
    packages.delete('tsx');
    expect([...packages]).toEqual(['commander']);
  });

  it('--version loads no database, server, web or NLP module', async () => {
    const run = await modulesLoadedBy(['--version']);
    expect(run.code).toBe(0);
    expect(loadedHeavy(run.urls)).toEqual([]);
    expect(run.urls.filter((url) => nlp.test(url))).toEqual([]);
  });

  it('lint loads its analyser but no database, server or web module', async () => {
    const work = mkdtempSync(join(tmpdir(), 'debrief-lazy-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));
    const file = join(work, 'review.md');
    writeFileSync(file, '# Review\n\nThe deploy pipeline skipped the canary stage.\n');
    const run = await modulesLoadedBy(['lint', file]);
    expect(run.code).toBe(0);
    // Built: the one-file bundle (scripts/build.mjs refuses to bundle anything heavy into it);
    // otherwise the linter's own modules.
    const linter = isBuildFresh('lib') ? '/lib/cli/lint-bundle.cjs' : '/analysis/blameless/';
    expect(run.urls.some((url) => url.includes(linter))).toBe(true);
    expect(loadedHeavy(run.urls)).toEqual([]);
  });

  it('lint checks names without loading compromise when no sentence needs tagging (built)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'debrief-lazy-'));
    const file = join(work, 'review.md');
    // "Checkout" is a capitalised word the name check looks up in the tagger's lexicon;
    // "shipped" is an action verb, but no name stands before it, so nothing is tagged.
    writeFileSync(file, '# Review\n\nCheckout shipped a config change without a canary.\n');
    const run = await modulesLoadedBy(['lint', file]).finally(() =>
      rmSync(work, { recursive: true, force: true }),
    );
    expect(run.code).toBe(0);
    // The bundle carries the lexicon (scripts/build.mjs); the sources read it from the tagger.
    const loadsTagger = !isBuildFresh('lib');
    expect(run.urls.some((url) => nlp.test(url))).toBe(loadsTagger);
  });

  it('lint tags with the tagger prebuilt beside the bundle (built), compromise otherwise', async () => {
    const work = mkdtempSync(join(tmpdir(), 'debrief-lazy-'));
    const file = join(work, 'review.md');
    // A name before a causal verb: the sentence is tagged to find the verb's subject.
    writeFileSync(file, '# Review\n\nPriya broke the checkout flow with her migration.\n');
    const run = await modulesLoadedBy(['lint', file]).finally(() =>
      rmSync(work, { recursive: true, force: true }),
    );
    expect(run.code).toBe(1);
    const built = isBuildFresh('lib');
    expect(run.urls.some((url) => url.endsWith('/lib/cli/lint-tagger.cjs'))).toBe(built);
    expect(run.urls.some((url) => nlp.test(url))).toBe(!built);
  });
});
