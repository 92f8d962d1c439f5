import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';

describeEachDatabase('anti-pattern routes', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  let incidentId: string;
  let base: string;

  const rules = async (client: ApiClient) => {
    const response = await client.get(`${base}/anti-pattern-findings`);
    expect(response.statusCode).toBe(200);
    return response.json().data.map((f: { rule: string }) => f.rule);
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    member = await server.signUp(admin, 'member');
    await member.post('/api/v1/services/import', {
      services: [
        { name: 'alerting', dependsOn: ['chat-gateway'] },
        { name: 'chat-gateway', dependsOn: ['slack-proxy'] },
        { name: 'slack-proxy' },
      ],
    });
    const incident = (
      await member.post(
        '/api/v1/incidents',
        incidentBody({ severity: 'sev3', services: ['slack-proxy'] }),
      )
    ).json().data;
    incidentId = incident.id;
    const postmortem = (
      await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })
    ).json().data;
    base = `/api/v1/postmortems/${postmortem.id}`;
  });
  afterAll(() => server.close());

  it('refuses anonymous callers and hides restricted postmortems from outsiders', async () => {
    expect((await server.anonymous.get(`${base}/anti-pattern-findings`)).statusCode).toBe(401);
    const secret = (
      await admin.post('/api/v1/incidents', incidentBody({ kind: 'security', title: 'Leak' }))
    ).json().data;
    const restricted = (
      await admin.post('/api/v1/postmortems', { incidentIds: [secret.id] })
    ).json().data;
    const hidden = await member.get(`/api/v1/postmortems/${restricted.id}/anti-pattern-findings`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('NOT_FOUND');
    expect(
      (await admin.get(`/api/v1/postmortems/${restricted.id}/anti-pattern-findings`)).statusCode,
    ).toBe(200);
    const summary = await member.get(`/api/v1/anti-pattern-summaries?incidentIds=${secret.id}`);
    expect(summary.json().data).toEqual({});
  });

  it('validates the summary query', async () => {
    const response = await member.get('/api/v1/anti-pattern-summaries?incidentIds=nope');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
  });

  it('is empty for a fresh postmortem', async () => {
    expect(await rules(member)).toEqual([]);
  });

  it('finds a two-hop circular remediation, a punitive item and an incomplete one', async () => {
    const circular = await member.post(`${base}/action-items`, {
      title: 'Page the on-call when the queue grows',
      kind: 'detect',
      ownerName: 'Sam',
      dueDate: '2026-12-15',
      successCriterion: 'A page arrives within 2 minutes in a drill',
      reliesOnServices: ['alerting'],
    });
    expect(circular.statusCode).toBe(201);
    await member.post(`${base}/action-items`, { title: 'More training', kind: 'process' });
    const response = await member.get(`${base}/anti-pattern-findings`);
    const findings = response.json().data;
    expect(
      findings.map((f: { rule: string; antiPattern: string; target: { type: string } }) => [
        f.rule,
        f.antiPattern,
        f.target.type,
      ]),
    ).toEqual([
      ['circular-remediation', 'circular_remediation', 'action_item'],
      ['incomplete-action-item', 'write_only_report', 'action_item'],
      ['punitive-action-item', 'punitive_action_items', 'action_item'],
    ]);
    expect(findings[0].message).toContain('alerting → chat-gateway → slack-proxy');
    expect(findings[0].target.id).toBe(circular.json().data.id);

    const summary = await member.get(`/api/v1/anti-pattern-summaries?incidentIds=${incidentId}`);
    // The cheap summary leaves circular remediation to the postmortem page.
    expect(summary.json().data).toEqual({ [incidentId]: { count: 2, worst: 'warning' } });
  });

  it('counts unwaived blameless findings and time in analysis beyond the budget', async () => {
    await member.post(`${base}/timeline-events`, {
      occurredAt: '2026-11-16T10:05:00Z',
      text: 'Queue depth alert fired',
    });
    const moved = await member.post(`${base}/transitions`, { to: 'analysis' }, 1);
    expect(moved.statusCode).toBe(200);
    await member.patch(
      base,
      { sections: { summary: 'It was human error.' } },
      moved.json().data.version,
    );
    expect(await rules(member)).toContain('blame-game');
    expect(await rules(member)).not.toContain('analysis-paralysis');
    // sev3 budget: 5 business days from Friday 2026-11-20. Idle sessions end over such jumps.
    server.setNow('2026-11-27T12:00:00Z');
    member = await server.signIn(member.user.email);
    expect(await rules(member)).not.toContain('analysis-paralysis');
    server.setNow('2026-11-30T12:00:00Z');
    member = await server.signIn(member.user.email);
    expect(await rules(member)).toContain('analysis-paralysis');
  });

  it('counts as blame game every unwaived finding, in every text of the postmortem', async () => {
    const blameGame = async () =>
      (await member.get(`${base}/anti-pattern-findings`))
        .json()
        .data.find((f: { rule: string }) => f.rule === 'blame-game')?.message;
    expect(await blameGame()).toMatch(/^1 blameless-language finding is /);
    await member.post(`${base}/open-questions`, {
      text: 'Had the on-call engineer read the runbook, would recovery have been faster?',
    });
    await member.post(`${base}/action-items`, {
      title: 'Add a canary stage',
      kind: 'prevent',
      successCriterion: 'Nobody can be careless any more: the pipeline refuses unverified builds',
    });
    // The open question is a counterfactual about a person; the criterion's "careless" is
    // denied ("Nobody can be careless"), so it does not count.
    expect(await blameGame()).toMatch(/^2 blameless-language findings are /);
    await member.post(`${base}/action-items`, {
      title: 'Add a deploy freeze calendar',
      kind: 'process',
      successCriterion: 'The freeze holds even where the release manager overlooked the calendar',
    });
    expect(await blameGame()).toMatch(/^3 blameless-language findings are /);
    const findings = (await member.get(`${base}/blameless-findings`)).json().data;
    expect(
      findings.map((f: { target: { field: string } }) => f.target.field.split('.')[0]),
    ).toEqual(expect.arrayContaining(['sections', 'open_questions', 'action_items']));
  });

  it('sees an overdue item as the days pass', async () => {
    server.setNow('2026-12-16T12:00:00Z');
    // Sessions expire over such a jump: sign in again.
    const later = await server.signIn(member.user.email);
    const found = await rules(later);
    expect(found.filter((r: string) => r === 'overdue-action-item')).toHaveLength(1);
    expect(found).toContain('analysis-paralysis');
  });
});
