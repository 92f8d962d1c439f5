import { describe, expect, it } from 'vitest';
import { createAccount, temporaryFolder } from '../cli/cli-workspace.ts';
import { runDebrief } from '../cli/run-debrief.ts';

describe('the CLI prints stored text without terminal escape sequences', () => {
  const dataDir = temporaryFolder('escapes');

  it('lists an incident whose title carries colour, title and clear-screen sequences', async () => {
    const target = ['--data-dir', dataDir];
    const admin = await createAccount(target);
    expect(admin.code).toBe(0);
    const hostile = 'Queue\u001b[2J\u001b]0;owned\u0007 backlog\u001b[31m';
    const created = await runDebrief([
      'incident',
      'create',
      ...target,
      '--title',
      hostile,
      '--kind',
      'degradation',
      '--severity',
      'sev3',
      '--started-at',
      '2026-11-16T10:00:00Z',
    ]);
    expect(created.code).toBe(0);
    const list = await runDebrief(['incident', 'list', ...target]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Queue backlog');
    for (const output of [created.stdout, list.stdout]) {
      for (const control of ['\u001b', '\u0007', '\u009b']) {
        expect(output).not.toContain(control);
      }
    }
  });
});
