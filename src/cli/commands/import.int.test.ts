import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createAccount,
  describeOnPostgres,
  temporaryFolder,
} from '../../../test/cli/cli-workspace.ts';
import { runDebrief as debrief } from '../../../test/cli/run-debrief.ts';
import { ownFixture, sharedFixture } from '../../../test/support/fixture-path.ts';

const work = temporaryFolder('import-cli');
// The project's own payloads, so a fresh clone runs every case but the real export's.
const alertmanager = ownFixture('payloads/alertmanager/search-index-lag.firing.json');
const slackExport = ownFixture('slack/export-payments-workspace');
const mixedFolder = ownFixture('intake/mixed-incident');
const realSlackExport = sharedFixture('payloads/slack/export-hfaran-testarchive');
const hasRealExport = existsSync(realSlackExport);
if (!hasRealExport) {
  console.warn(`debrief import of a real Slack export skipped: none at ${realSlackExport}`);
}

describe('debrief import --dry-run and bad input', () => {
  it('parses and reports without a postmortem and without opening any database', async () => {
    const dataDir = join(work, 'never-created');
    const run = await debrief([
      'import',
      alertmanager,
      '--dry-run',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      dryRun: true,
      source: 'alertmanager',
      sourceDetection: 'detected',
      eventsProposed: 1,
    });
    expect(existsSync(dataDir)).toBe(false);
    const human = await debrief(['import', slackExport, '--dry-run', '--source', 'slack']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('read as slack (given)');
    expect(human.stderr).toContain('import: 100%');

    const channels = async (...names: string[]) => {
      const flags = names.flatMap((name) => ['--channel', name]);
      const run = await debrief([
        'import',
        slackExport,
        '--dry-run',
        '--source',
        'slack',
        '--json',
        ...flags,
      ]);
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout).eventsProposed as number;
    };
    const one = await channels('#incident-checkout');
    expect(one).toBeGreaterThan(0);
    expect(await channels('#incident-checkout', 'payments-deploys')).toBeGreaterThan(one);
  }, 180_000);

  it.skipIf(!hasRealExport)(
    'reads a real workspace export in a dry run',
    async () => {
      const run = await debrief(['import', realSlackExport, '--dry-run', '--all-time', '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        source: 'slack',
        sourceDetection: 'detected',
      });
      expect(JSON.parse(run.stdout).eventsProposed).toBeGreaterThan(100);
    },
    120_000,
  );

  it('names the file or flag of bad input and exits 2', async () => {
    const missing = await debrief(['import', join(work, 'nope.json'), '--dry-run']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');
    const since = await debrief(['import', alertmanager, '--dry-run', '--since', 'monday']);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since');
    const bareHash = await debrief(['import', alertmanager, '--dry-run', '--channel', '#']);
    expect(bareHash.code).toBe(2);
    expect(bareHash.stderr).toContain('--channel');
    const noPostmortem = await debrief(['import', alertmanager]);
    expect(noPostmortem.code).toBe(2);
    expect(noPostmortem.stderr).toContain('--postmortem');
    const unknown = join(work, 'words.txt');
    writeFileSync(unknown, 'nothing to see here\n');
    const undetected = await debrief(['import', unknown, '--dry-run', '--json']);
    expect(undetected.code).toBe(2);
    expect(JSON.parse(undetected.stderr).error.details.errors[0].code).toBe('source_not_detected');
    const broken = join(work, 'broken.json');
    writeFileSync(broken, '{"receiver":"x","status":"firing","alerts":[{"startsAt":"20202-01-01');
    const malformed = await debrief(['import', broken, '--dry-run', '--source', 'alertmanager']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('broken.json');
  }, 120_000);
});

function importJourney(target: () => string[]) {
  it('imports into a postmortem once: the second run adds nothing; unknown postmortem exits 3', async () => {
    const admin = await createAccount(target());
    expect(admin.code).toBe(0);
    const incident = await debrief([
      'incident',
      'create',
      ...target(),
      '--json',
      '--title',
      'Build failures',
      '--kind',
      'outage',
      '--severity',
      'sev2',
      '--started-at',
      '2026-11-16T09:50:00Z',
      '--resolved-at',
      '2026-11-16T11:10:00Z',
    ]);
    const incidentId = JSON.parse(incident.stdout).id;
    const opened = await debrief(['postmortem', 'open', incidentId, ...target(), '--json']);
    const postmortemId = JSON.parse(opened.stdout).id;

    const first = await debrief([
      'import',
      slackExport,
      '--postmortem',
      postmortemId,
      '--all-time',
      ...target(),
      '--json',
    ]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({
      status: 'succeeded',
      source: 'slack',
      sourceDetection: 'detected',
      duplicatesSkipped: 0,
    });
    // The nine messages of the two channels; the join and the integration add are left out.
    expect(summary.eventsProposed).toBe(9);

    const second = await debrief([
      'import',
      slackExport,
      '--postmortem',
      postmortemId,
      '--all-time',
      ...target(),
      '--json',
    ]);
    expect(JSON.parse(second.stdout)).toMatchObject({
      eventsProposed: 0,
      duplicatesSkipped: summary.eventsProposed,
    });

    const human = await debrief([
      'import',
      alertmanager,
      '--postmortem',
      postmortemId,
      '--all-time',
      ...target(),
    ]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('events proposed: 1');

    const unknown = await debrief([
      'import',
      alertmanager,
      '--postmortem',
      '00000000-0000-4000-8000-000000000000',
      ...target(),
    ]);
    expect(unknown.code).toBe(3);
    // Seven runs of the binary, each opening the data directory: minutes on a loaded runner.
  }, 480_000);
}

/**
 * The project's own mixed folder (test/fixtures/intake/mixed-incident), so a fresh clone runs
 * it: one command imports every kind of file in it, keeps the incident window, and a second
 * run adds nothing.
 */
function mixedFolderJourney(target: () => string[]) {
  it('imports every file of a mixed folder in one command; the second run adds nothing', async () => {
    await createAccount(target(), { email: 'mixed@example.com', name: 'Mixed Admin' });
    const incident = await debrief([
      'incident',
      'create',
      ...target(),
      '--json',
      '--title',
      'Checkout errors',
      '--kind',
      'outage',
      '--severity',
      'sev2',
      '--started-at',
      '2026-11-16T10:00:00Z',
      '--resolved-at',
      '2026-11-16T11:00:00Z',
    ]);
    const incidentId = JSON.parse(incident.stdout).id;
    const opened = await debrief(['postmortem', 'open', incidentId, ...target(), '--json']);
    const postmortemId = JSON.parse(opened.stdout).id;
    const run = (...flags: string[]) =>
      debrief(['import', mixedFolder, '--postmortem', postmortemId, ...flags, ...target()]);

    const first = await run('--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(new Set(summary.parts.map((part: { source: string }) => part.source))).toEqual(
      new Set(['alertmanager', 'github', 'log', 'metric', 'pagerduty', 'slack']),
    );
    for (const part of summary.parts) {
      expect(part.eventsProposed).toBeGreaterThan(0);
    }
    expect(summary.skipped).toEqual([
      { path: 'README.txt', reason: 'no importer recognised its content' },
    ]);
    expect(summary.window).toEqual({
      since: '2026-11-15T10:00:00.000Z',
      until: '2026-11-17T11:00:00.000Z',
      basis: 'incident',
    });
    expect(summary.outsideWindow).toBe(0);

    const second = await run('--json');
    expect(JSON.parse(second.stdout)).toMatchObject({
      eventsProposed: 0,
      duplicatesSkipped: summary.eventsProposed + summary.duplicatesSkipped,
    });

    const narrowed = await run('--since', '2026-11-16T10:30:00Z');
    expect(narrowed.code).toBe(0);
    expect(narrowed.stdout).toMatch(
      /window: 2026-11-16T10:30:00\.000Z to 2026-11-17T11:00:00\.000Z/,
    );
    expect(narrowed.stdout).toMatch(/outside the window, left out: [1-9]\d*/);
    // Four runs of the binary, each opening the data directory: minutes on a loaded runner.
  }, 480_000);
}

describe('debrief import of a mixed folder [pglite data directory]', () => {
  const dataDir = join(work, 'mixed-data');
  mixedFolderJourney(() => ['--data-dir', dataDir]);
});

describe('debrief import [pglite data directory]', () => {
  const dataDir = join(work, 'data');
  importJourney(() => ['--data-dir', dataDir]);
});

describeOnPostgres('debrief import of a mixed folder', mixedFolderJourney);
describeOnPostgres('debrief import', importJourney);
