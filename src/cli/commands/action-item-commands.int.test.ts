import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAccount, temporaryFolder } from '../../../test/cli/cli-workspace.ts';
import { runDebrief as debrief } from '../../../test/cli/run-debrief.ts';
import { openDatabase } from '../../storage/open-database.ts';
import { actionItems } from '../../storage/schema.ts';

const dataDir = join(temporaryFolder('action-items'), 'data');
const target = ['--data-dir', dataDir];

/** Marks an item done directly in the data directory, between two runs of the CLI. */
async function markDone(id: string): Promise<void> {
  const handle = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await handle.db.update(actionItems).set({ status: 'done' }).where(eq(actionItems.id, id));
  } finally {
    await handle.close();
  }
}

describe('debrief action-items list / action-item verify [pglite data directory]', () => {
  it('lists the board and verifies a done item with evidence', async () => {
    const admin = await createAccount(target);
    expect(admin.code).toBe(0);
    expect((await debrief(['seed', 'demo', ...target])).code).toBe(0);

    const listed = await debrief(['action-items', 'list', ...target, '--json']);
    expect(listed.stderr).toBe('');
    const board = JSON.parse(listed.stdout);
    expect(board.total).toBe(2);
    const item = board.data.find((i: { status: string }) => i.status === 'in_progress');
    expect(item).toMatchObject({ ownerName: 'Platform team', overdue: false });

    const human = await debrief(['action-items', 'list', ...target, '--overdue']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('0 of 0 shown');

    const inProgress = await debrief([
      'action-items',
      'list',
      ...target,
      '--status',
      'in_progress',
      '--json',
    ]);
    expect(inProgress.stderr).toBe('');
    const filtered = JSON.parse(inProgress.stdout);
    expect(filtered.total).toBe(1);
    expect(filtered.data.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
      [item.id, 'in_progress'],
    ]);
    const either = await debrief([
      'action-items',
      'list',
      ...target,
      '--status',
      'open, in_progress',
    ]);
    expect(either.code).toBe(0);
    expect(either.stdout).toContain('2 of 2 shown');

    const notDone = await debrief([
      'action-item',
      'verify',
      item.id,
      ...target,
      '--evidence',
      'https://git.example.com/pull/7',
    ]);
    expect(notDone.code).toBe(4);
    expect(notDone.stderr).toContain('INVARIANT_VIOLATED');

    await markDone(item.id);
    const verified = await debrief([
      'action-item',
      'verify',
      item.id,
      ...target,
      '--evidence',
      'https://git.example.com/pull/7',
      '--note',
      'CI failed a 5-connection pool',
      '--json',
    ]);
    expect(verified.stderr).toBe('');
    expect(JSON.parse(verified.stdout)).toMatchObject({
      status: 'verified',
      verificationEvidence: 'https://git.example.com/pull/7',
      verificationNote: 'CI failed a 5-connection pool',
    });
  });

  it('exits 2 on an unknown status, naming it and the statuses there are', async () => {
    const human = await debrief(['action-items', 'list', ...target, '--status', 'open,closed']);
    expect(human.code).toBe(2);
    expect(human.stdout).toBe('');
    expect(human.stderr).toContain('"closed"');
    expect(human.stderr).toContain('"wont_do"');
    expect(human.stderr).not.toContain('"open":');
    const json = await debrief(['action-items', 'list', ...target, '--status', 'closed', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stderr).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'status.0', code: 'invalid_value' }],
    });
  });

  it('exits 2 on a bad id or evidence and 3 on an unknown item', async () => {
    const badId = await debrief([
      'action-item',
      'verify',
      'nope',
      ...target,
      '--evidence',
      'https://x.example',
    ]);
    expect(badId.code).toBe(2);
    const badUrl = await debrief([
      'action-item',
      'verify',
      '00000000-0000-4000-8000-000000000000',
      ...target,
      '--evidence',
      'not a link',
    ]);
    expect(badUrl.code).toBe(2);
    const unknown = await debrief([
      'action-item',
      'verify',
      '00000000-0000-4000-8000-000000000000',
      ...target,
      '--evidence',
      'https://x.example',
    ]);
    expect(unknown.code).toBe(3);
  });
});
