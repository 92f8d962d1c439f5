import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAccount, temporaryFolder } from '../../../test/cli/cli-workspace.ts';
import { runDebrief as debrief } from '../../../test/cli/run-debrief.ts';

const target = ['--data-dir', join(temporaryFolder('reviews'), 'data')];

describe('debrief review [pglite data directory]', () => {
  it('asks a person, lists who is pending, and records their approval', async () => {
    expect((await createAccount(target)).code).toBe(0);
    const reviewer = { email: 'ada@example.com', name: 'Ada Reviewer', role: 'member' } as const;
    expect((await createAccount(target, reviewer)).code).toBe(0);
    expect((await debrief(['seed', 'demo', ...target])).code).toBe(0);
    const board = JSON.parse((await debrief(['action-items', 'list', ...target, '--json'])).stdout);
    const postmortemId: string = board.data[0].postmortemId;

    const usage = await debrief(['review', 'request', postmortemId, ...target]);
    expect(usage.code).toBe(2);

    const requested = await debrief([
      'review',
      'request',
      postmortemId,
      ...target,
      '--user',
      'ada@example.com',
      '--json',
    ]);
    expect(requested.stderr).toBe('');
    const { id } = JSON.parse(requested.stdout);

    const pending = await debrief(['review', 'list', postmortemId, ...target]);
    expect(pending.stdout).toContain('pending: Ada Reviewer.');

    const notHers = await debrief(['review', 'approve', id, ...target]);
    expect(notHers.code).toBe(1);
    expect(notHers.stderr).toContain('FORBIDDEN');

    const approved = await debrief([
      'review',
      'approve',
      id,
      ...target,
      '--as',
      'ada@example.com',
      '--comment',
      'Reads well.',
    ]);
    expect(approved.code).toBe(0);
    const after = JSON.parse(
      (await debrief(['review', 'list', postmortemId, ...target, '--json'])).stdout,
    );
    expect(after.data[0]).toMatchObject({
      status: 'approved',
      decidedByName: 'Ada Reviewer',
      comment: 'Reads well.',
    });
    expect(after.summary.pending).toEqual([]);
  });
});
