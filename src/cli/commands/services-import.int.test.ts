import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createAccount,
  describeOnPostgres,
  temporaryFolder,
} from '../../../test/cli/cli-workspace.ts';
import { runDebrief as debrief } from '../../../test/cli/run-debrief.ts';
import { ownFixture } from '../../../test/support/fixture-path.ts';

const work = temporaryFolder('services');

const file = (name: string, content: unknown) => {
  const path = join(work, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

function importJourney(target: () => string[]) {
  it('needs an account, then imports all or nothing', async () => {
    const good = file('good.json', {
      services: [
        { name: 'alerting', dependsOn: ['chat-gateway'] },
        { name: 'chat-gateway', dependsOn: ['slack-proxy'] },
        { name: 'slack-proxy', description: 'Outbound Slack' },
      ],
    });
    const noAdmin = await debrief(['services', 'import', good, ...target()]);
    expect(noAdmin.code).toBe(3);

    const user = await createAccount(target());
    expect(user.code).toBe(0);

    const imported = await debrief(['services', 'import', good, ...target(), '--json']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({
      created: ['alerting', 'chat-gateway', 'slack-proxy'],
      updated: [],
    });

    const bad = file('bad.json', {
      services: [
        { name: 'slack-proxy', description: 'changed' },
        { name: 'x', dependsOn: ['y'] },
      ],
    });
    const refused = await debrief(['services', 'import', bad, ...target(), '--json']);
    expect(refused.code).toBe(2);
    const error = JSON.parse(refused.stderr).error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.errors.map((e: { path: string }) => e.path)).toEqual([
      'services.1.dependsOn.0',
    ]);

    const again = await debrief(['services', 'import', good, ...target()]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('updated: alerting, chat-gateway, slack-proxy');
  });

  it('imports a folder of Backstage catalog-info.yaml files, reporting what is not a service', async () => {
    const run = await debrief([
      'services',
      'import',
      ownFixture('catalogue/backstage'),
      ...target(),
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.created).toEqual(['notifications', 'proxy-egress-ip']);
    expect(result.updated).toEqual(['alerting', 'chat-gateway', 'slack-proxy']);
    expect(result.skipped).toHaveLength(3);
  });

  it('refuses a file that is not JSON or not the right shape, listing every issue', async () => {
    const notJson = await debrief(['services', 'import', file('x.json', '{ nope'), ...target()]);
    expect(notJson.code).toBe(2);
    const shape = await debrief([
      'services',
      'import',
      file('shape.json', { services: [{ description: 3 }, { name: '' }] }),
      ...target(),
    ]);
    expect(shape.code).toBe(2);
    expect(shape.stderr).toContain('services.0.name');
    expect(shape.stderr).toContain('services.1.name');
    const missing = await debrief(['services', 'import', join(work, 'missing.json'), ...target()]);
    expect(missing.code).toBe(3);
  });
}

describe('debrief services import [pglite data directory]', () => {
  const dataDir = join(work, 'data');
  importJourney(() => ['--data-dir', dataDir]);
});

describeOnPostgres('debrief services import', importJourney);
