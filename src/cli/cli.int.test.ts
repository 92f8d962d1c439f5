import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createAccount,
  describeOnPostgres,
  temporaryFolder,
} from '../../test/cli/cli-workspace.ts';
import { type DebriefRun, runDebrief as debrief } from '../../test/cli/run-debrief.ts';

const json = (run: DebriefRun) => JSON.parse(run.stdout);

/** The CLI journey, against whichever database the flags name. */
function cliJourney(target: () => string[]) {
  it('creates an account, records an incident, opens and advances its postmortem', async () => {
    const user = await createAccount(target(), {}, '--json');
    expect(user.stderr).toBe('');
    expect(user.code).toBe(0);
    expect(json(user)).toMatchObject({ email: 'ops@example.com', role: 'admin' });

    const incident = await debrief([
      'incident',
      'create',
      ...target(),
      '--title',
      'Queue backlog',
      '--kind',
      'degradation',
      '--severity',
      'sev2',
      '--service',
      'queue',
      '--service',
      'worker',
      '--started-at',
      '2026-11-16T10:00:00Z',
      '--json',
    ]);
    expect(incident.code).toBe(0);
    const incidentId = json(incident).id;
    expect(json(incident)).toMatchObject({
      status: 'open',
      services: ['queue', 'worker'],
      postmortemRequired: true,
    });

    const list = await debrief(['incident', 'list', ...target(), '--severity', 'sev2', '--json']);
    expect(json(list).total).toBe(1);

    const opened = await debrief(['postmortem', 'open', incidentId, ...target(), '--json']);
    expect(opened.code).toBe(0);
    const postmortemId = json(opened).id;

    const refused = await debrief(['postmortem', 'advance', postmortemId, ...target()]);
    expect(refused.stderr).toContain('TRANSITION_REFUSED');
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('TRANSITION_REFUSED');
    expect(refused.stderr).toContain('INCIDENT_NOT_RESOLVED');
    expect(refused.stderr).toContain('TIMELINE_EMPTY');

    const shown = await debrief(['postmortem', 'show', postmortemId, ...target(), '--json']);
    expect(json(shown).unmetForNextPhase.map((u: { code: string }) => u.code)).toEqual([
      'INCIDENT_NOT_RESOLVED',
      'TIMELINE_EMPTY',
    ]);
  });

  it('exits 2 with every issue on bad input, 3 on an unknown record', async () => {
    const bad = await debrief([
      'incident',
      'create',
      ...target(),
      '--title',
      'x',
      '--kind',
      'meteor',
      '--severity',
      'sev9',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('kind');
    expect(bad.stderr).toContain('severity');
    const missing = await debrief([
      'postmortem',
      'show',
      '00000000-0000-4000-8000-000000000000',
      ...target(),
    ]);
    expect(missing.code).toBe(3);
    const unknownFlag = await debrief(['incident', 'list', '--frobnicate']);
    expect(unknownFlag.code).toBe(2);
  });
}

describe('debrief CLI [pglite data directory]', () => {
  const dataDir = temporaryFolder('cli');

  it('migrates a fresh data directory', async () => {
    const run = await debrief(['migrate', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('up to date');
  });

  cliJourney(() => ['--data-dir', dataDir]);

  it('refuses a data directory another live process holds', async () => {
    writeFileSync(join(dataDir, 'debrief.lock'), String(process.pid));
    const run = await debrief(['incident', 'list', '--data-dir', dataDir]);
    rmSync(join(dataDir, 'debrief.lock'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('in use by process');
  });

  it('stops at startup on an invalid policy file, naming every problem', async () => {
    const policy = join(dataDir, 'policy.yaml');
    writeFileSync(policy, 'requiredReviewerApprovals:\n  sev1: -1\nunknownSection: true\n');
    const run = await debrief(['migrate', '--data-dir', dataDir, '--policy', policy]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('requiredReviewerApprovals');
    expect(run.stderr).toContain('unknownSection');
  });
});

describeOnPostgres('debrief CLI', cliJourney);
