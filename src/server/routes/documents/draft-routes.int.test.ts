import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTeamServer } from '../../../../test/http/team-server.ts';
import {
  type ApiClient,
  incidentBody,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { findBlamelessFindings } from '../../../analysis/blameless/find-blameless-findings.ts';
import { loadReportData } from '../../../app/documents/load-report-data.ts';
import { buildReport } from '../../../reports/build-report.ts';
import { draftReport } from '../../../reports/draft-report.ts';
import { usersRepository } from '../../../storage/repositories/users-repository.ts';

describeEachDatabase('report draft route', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  let viewer: ApiClient;
  let demoId: string;

  beforeAll(async () => {
    ({ server, admin, member, viewer } = await startTeamServer(kind));
    demoId = (await admin.post('/api/v1/demo-data')).json().data.postmortemId;
  });
  afterAll(() => server.close());

  const draft = (client: ApiClient, id: string) =>
    client.post(`/api/v1/postmortems/${id}/report-draft`);

  it('refuses unauthenticated callers, viewers, and outsiders of a restricted review', async () => {
    expect((await draft(server.anonymous, demoId)).statusCode).toBe(401);
    expect((await draft(viewer, demoId)).statusCode).toBe(403);
    const incident = (
      await admin.post('/api/v1/incidents', incidentBody({ kind: 'security', title: 'Key leak' }))
    ).json().data;
    const restricted = (
      await admin.post('/api/v1/postmortems', { incidentIds: [incident.id] })
    ).json().data;
    expect((await draft(member, restricted.id)).statusCode).toBe(404);
  });

  it('fills only the empty sections of the demo, naming its durations, and passes the linter', async () => {
    const before = (await member.get(`/api/v1/postmortems/${demoId}`)).json().data.sections;
    const response = await draft(member, demoId);
    expect(response.statusCode).toBe(200);
    const { filled, sections } = response.json().data;
    // The demo's summary was written by a person: it stays as it was.
    expect(filled).toEqual(['impact']);
    expect(sections.summary).toBe(before.summary);
    expect(sections.impact).toContain('The incident lasted 47 minutes from start to resolution.');
    const findings = (await member.get(`/api/v1/postmortems/${demoId}/blameless-findings`)).json()
      .data;
    expect(
      findings.filter((f: { target: { field: string } }) => f.target.field === 'sections.impact'),
    ).toEqual([]);
    expect((await draft(member, demoId)).json().data.filled).toEqual([]);
  });

  it('drafts for the demo a summary that names its durations, without a finding of the linter', async () => {
    const admin = await usersRepository.findFirstAdmin(server.handle.db);
    if (!admin) {
      throw new Error('no admin');
    }
    const data = await loadReportData(server.deps, admin, demoId);
    const draft = draftReport(buildReport(data), { acceptText: () => true });
    expect(draft.summary).toContain(
      'Durations: time to detect 6 minutes, time to acknowledge 3 minutes, time to mitigate 41 minutes (estimated) and time to resolve 47 minutes.',
    );
    expect(draft.summary).toContain('through an Alertmanager alert, 6 minutes after it started');
    const findings = findBlamelessFindings(
      Object.entries(draft).map(([field, text]) => ({ field, text })),
      { people: data.participants.map((p) => p.name), services: data.incidents[0]?.services },
    );
    expect(findings).toEqual([]);
  });

  it('drafts a summary that names the durations when none is written', async () => {
    const incident = (await member.post('/api/v1/incidents', incidentBody())).json().data;
    const postmortem = (
      await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })
    ).json().data;
    const { filled, sections } = (await draft(member, postmortem.id)).json().data;
    expect(filled).toEqual(['summary', 'impact']);
    expect(sections.summary).toContain('time to detect 5 minutes');
    expect(sections.summary).toContain('time to resolve 1 h');
  });
});
