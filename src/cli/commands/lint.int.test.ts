import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../test/cli/cli-workspace.ts';
import { runDebrief as debrief } from '../../../test/cli/run-debrief.ts';
import { ownFixture, sharedFixture } from '../../../test/support/fixture-path.ts';

/** Drafts and reviewed postmortems in the project's own words, one draft with findings. */
const drafts = ownFixture('lint-drafts');
const draft = join(drafts, '2026-04-02-checkout-declines-draft.md');
const fixtures = sharedFixture('postmortems');
const hasFixtures = existsSync(fixtures);
if (!hasFixtures) {
  console.warn(`NOTICE: lint of the public postmortems skipped, ${fixtures} is absent`);
}

const markdownFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(dir, name));

/** Lints a folder: every Markdown file reported, each finding with line:column, a summary. */
async function expectFolderReport(folder: string): Promise<string[]> {
  const run = await debrief(['lint', folder]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  const lines = run.stdout.trim().split('\n');
  for (const file of markdownFiles(folder)) {
    expect(lines.some((l) => l.startsWith(`${file}: `))).toBe(true);
  }
  const findings = lines.filter((l) => /^.+\.md:\d+:\d+ {2}[a-z-]+ {2}/.test(l));
  expect(findings.length).toBeGreaterThan(0);
  expect(lines.at(-1)).toMatch(/^\d+ files checked, \d+ findings?$/);
  return lines;
}

describe('debrief lint on drafts and reviewed postmortems', () => {
  it('reports every Markdown postmortem of a folder and its subfolders, each finding with line:column', async () => {
    const lines = await expectFolderReport(drafts);
    expect(lines.filter((l) => l.endsWith(': clean'))).toHaveLength(2);
    expect(lines.at(-1)).toBe('3 files checked, 2 findings');
  });

  it('finds the blaming phrases of a draft at their line and column', async () => {
    const run = await debrief(['lint', '--json', draft]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.files[0].path).toBe(draft);
    expect(
      report.files[0].findings.map((f: { rule: string; line: number; column: number }) => [
        f.rule,
        f.line,
        f.column,
      ]),
    ).toEqual([
      ['human-error', 21, 3],
      ['hindsight', 22, 7],
    ]);
  });

  it('prints GitHub Actions annotations', async () => {
    const run = await debrief(['lint', '--format', 'github', draft]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(',line=21,col=3,');
    expect(run.stdout).toMatch(/^::error file=.+title=Blameless language%3A human-error::/m);
  });

  it('lints files named one by one, in the order given', async () => {
    const files = markdownFiles(drafts).reverse();
    const run = await debrief(['lint', '--json', ...files]);
    const report = JSON.parse(run.stdout);
    expect(report.summary.files).toBe(files.length);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(files);
  });
});

describe.skipIf(!hasFixtures)('debrief lint on the public postmortems', () => {
  it('reports every Markdown postmortem, each finding with line:column', async () => {
    await expectFolderReport(fixtures);
  });

  it('finds a known blaming phrase at its line and column', async () => {
    const humanError = join(
      fixtures,
      'dfds-postmortems',
      'PM2022-002 -  Logs not shipped to CloudWatch.md',
    );
    const run = await debrief(['lint', '--json', humanError]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).files[0].findings).toContainEqual(
      expect.objectContaining({ rule: 'human-error', excerpt: 'Human error', line: 23, column: 3 }),
    );
  });
});

describe('debrief lint on a file with front matter', () => {
  const dir = temporaryFolder('lint');
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('names people from participants, never the services', async () => {
    const file = write(
      'checkout.md',
      [
        '---',
        'participants: [Bob Moreau]',
        'services: [Atlas]',
        '---',
        '# Checkout',
        '',
        'Atlas deployed the bad config.',
        'Bob deployed the bad config.',
        '',
      ].join('\n'),
    );
    const run = await debrief(['lint', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${file}:8:1  person-as-cause  `);
    expect(run.stdout).not.toContain(`${file}:7:`);
  });

  it('exits 0 on a clean file', async () => {
    const file = write('clean.md', '# Clean\n\nThe service failed to start after the deploy.\n');
    const run = await debrief(['lint', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${file}: clean`);
  });

  it('adds fix suggestions to --json where a rule has a replacement wording', async () => {
    const file = write(
      'fixes.md',
      '# Review\n\nRoot cause: human error. Obviously, the cache was cold.\n\nThe SRE on duty overlooked the alert.\n',
    );
    const run = await debrief(['lint', file, '--json', '--fix-suggestions']);
    expect(run.code).toBe(1);
    const [report] = JSON.parse(run.stdout).files;
    expect(
      report.findings.map((f: { rule: string; fix?: { replacement: string } }) => [f.rule, f.fix]),
    ).toEqual([
      ['human-error', { replacement: 'a step the system made easy to take' }],
      ['neglect', undefined],
    ]);
    const plain = JSON.parse((await debrief(['lint', file, '--json'])).stdout).files[0];
    expect(plain.findings.every((f: { fix?: unknown }) => f.fix === undefined)).toBe(true);
  });

  it('exits 3 on a missing file and 2 on a usage error', async () => {
    const missing = await debrief(['lint', join(dir, 'nope.md')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('NOT_FOUND');
    expect((await debrief(['lint'])).code).toBe(2);
    expect((await debrief(['lint', '--format', 'xml', dir])).code).toBe(2);
  });
});
