import { afterAll, beforeAll, expect, it } from 'vitest';
import { incidentBody, startTestServer, type TestServer } from '../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import { defaultPolicy } from '../../domain/policy.ts';
import { guards } from '../../domain/postmortem-guards.ts';
import type { User } from '../../domain/user.ts';
import { usersRepository } from '../../storage/repositories/users-repository.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';
import { loadSnapshot } from '../postmortems/load-snapshot.ts';

describeEachDatabase('policy templates and the lifecycle guard', (kind) => {
  let server: TestServer;
  let actor: User;

  beforeAll(async () => {
    server = await startTestServer(kind, {
      ...defaultPolicy,
      reportTemplates: [
        {
          key: 'security_review',
          label: 'Security review',
          kinds: ['security'],
          severities: [],
          sections: [
            { key: 'summary', label: 'Summary', level: 2, block: 'text', required: true },
            { key: 'exposure', label: 'Data exposure', level: 2, block: 'text', required: true },
            { key: 'notes', label: 'Notes', level: 2, block: 'text', required: false },
          ],
        },
      ],
    });
    await server.setUpAdmin();
    const admin = await usersRepository.findFirstAdmin(server.handle.db);
    if (!admin) {
      throw new Error('no admin');
    }
    actor = admin;
  });
  afterAll(() => server.close());

  const missingSections = async (incidentOverrides: Record<string, unknown>) => {
    const client = await server.signIn('admin@example.com');
    const incident = (
      await client.post('/api/v1/incidents', incidentBody(incidentOverrides))
    ).json().data;
    const id = (await client.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json()
      .data.id;
    const postmortem = await loadPostmortemFor(server.deps, actor, id, 'postmortem.read');
    const snapshot = await loadSnapshot(server.deps, postmortem);
    return guards.REPORT_SECTION_MISSING(snapshot).map((unmet) => unmet.subject?.id);
  };

  it('checks the required sections of the template chosen for the incident', async () => {
    expect(await missingSections({ kind: 'security', title: 'Token in build logs' })).toEqual([
      'summary',
      'exposure',
    ]);
    // No template fits an outage: the policy's report sections stand.
    expect(await missingSections({ kind: 'outage' })).toEqual([
      'summary',
      'impact',
      'lessons_learned',
    ]);
  });
});
