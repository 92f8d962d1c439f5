import { describe, expect, it } from 'vitest';
import { createAccount, temporaryFolder } from '../../../test/cli/cli-workspace.ts';
import { runDebrief } from '../../../test/cli/run-debrief.ts';

describe('debrief user update / reset-link / sign-out', () => {
  const target = ['--data-dir', temporaryFolder('user-admin')];
  const create = (email: string, role: 'admin' | 'member') =>
    createAccount(target, { email, name: email, role });

  it('changes a role and disables, issues a reset link, and answers 3 for an unknown account', async () => {
    expect((await create('admin@example.com', 'admin')).code).toBe(0);
    expect((await create('sam@example.com', 'member')).code).toBe(0);
    const updated = await runDebrief([
      'user',
      'update',
      'Sam@Example.com',
      ...target,
      '--role',
      'viewer',
      '--disable',
      '--json',
    ]);
    expect(updated.stderr).toBe('');
    expect(JSON.parse(updated.stdout)).toMatchObject({ role: 'viewer', disabled: true });
    const link = await runDebrief([
      'user',
      'reset-link',
      'sam@example.com',
      ...target,
      '--base-url',
      'https://debrief.example/',
      '--json',
    ]);
    expect(JSON.parse(link.stdout).link).toMatch(
      /^https:\/\/debrief\.example\/reset-password#drs_/,
    );
    const unknown = await runDebrief(['user', 'sign-out', 'nobody@example.com', ...target]);
    expect(unknown.code).toBe(3);
  });
});
