import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTeamServer } from '../../../../test/http/team-server.ts';
import {
  type ApiClient,
  incidentBody,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { auditEvents, openQuestions } from '../../../storage/schema.ts';

describeEachDatabase('open question routes', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  let viewer: ApiClient;
  let base: string;

  const open = async (client: ApiClient, overrides: Record<string, unknown> = {}) => {
    const incident = (await client.post('/api/v1/incidents', incidentBody(overrides))).json().data;
    return (await client.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json().data;
  };
  const actionsFor = async (subjectId: string) =>
    (
      await server.handle.db
        .select({ action: auditEvents.action, data: auditEvents.data })
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, subjectId))
        .orderBy(asc(auditEvents.id))
    ).map((row) => row.action);

  beforeAll(async () => {
    ({ server, admin, member, viewer } = await startTeamServer(kind));
    base = `/api/v1/postmortems/${(await open(member)).id}`;
  });
  afterAll(() => server.close());

  it('refuses anonymous callers and viewer writes, lets viewers read', async () => {
    expect((await server.anonymous.get(`${base}/open-questions`)).statusCode).toBe(401);
    const write = await viewer.post(`${base}/open-questions`, { text: 'Why?' });
    expect(write.statusCode).toBe(403);
    expect((await viewer.get(`${base}/open-questions`)).statusCode).toBe(200);
  });

  it('reports every invalid field at once and writes nothing', async () => {
    const response = await member.post(`${base}/open-questions`, { text: '  ', kind: 'rant' });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.kind', 'body.text']);
    const [row] = await server.handle.db.select({ n: count() }).from(openQuestions);
    expect(row?.n).toBe(0);
  });

  it('captures, resolves, re-opens and removes a question, auditing each step', async () => {
    const created = await member.post(`${base}/open-questions`, {
      text: 'Why did the pool alert not fire?',
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const question = created.json();
    expect(question.data).toMatchObject({ kind: 'question', status: 'open', resolution: null });
    expect(question.abilities).toEqual({ update: true, remove: true });
    const url = `/api/v1/open-questions/${question.data.id}`;

    const noReason = await member.patch(url, { status: 'resolved' }, 1);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('body.resolution');
    expect((await member.patch(url, { status: 'resolved', resolution: 'x' })).statusCode).toBe(428);
    const resolved = await member.patch(
      url,
      { status: 'resolved', resolution: 'The threshold was above pool size.' },
      1,
    );
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().data).toMatchObject({ status: 'resolved', version: 2 });
    expect((await member.patch(url, { text: 'Stale' }, 1)).statusCode).toBe(412);
    const reopened = await member.patch(url, { status: 'open' }, 2);
    expect(reopened.json().data).toMatchObject({ status: 'open', resolution: null, version: 3 });

    const listed = (await viewer.get(`${base}/open-questions`)).json();
    expect(listed.page.total).toBe(1);
    expect(listed.data[0].abilities.update).toBe(false);

    expect((await member.delete(url, 2)).statusCode).toBe(412);
    expect((await member.delete(url, 3)).statusCode).toBe(204);
    expect((await member.delete(url, 3)).statusCode).toBe(404);
    expect(await actionsFor(question.data.id)).toEqual([
      'open_question.created',
      'open_question.updated',
      'open_question.updated',
      'open_question.removed',
    ]);
  });

  it('captures disagreements', async () => {
    const created = await member.post(`${base}/open-questions`, {
      text: 'Rolling back first vs scaling the pool',
      kind: 'disagreement',
    });
    expect(created.json().data.kind).toBe('disagreement');
  });

  it('hides the questions of a restricted postmortem from outsiders', async () => {
    const restricted = await open(member, { kind: 'security', title: 'Token exposure' });
    expect(restricted.restricted).toBe(true);
    const url = `/api/v1/postmortems/${restricted.id}/open-questions`;
    const question = (await member.post(url, { text: 'Who had the key?' })).json().data;
    const outsider = await server.signUp(admin, 'member');
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await outsider.post(url, { text: 'x' })).statusCode).toBe(404);
    const patch = await outsider.patch(`/api/v1/open-questions/${question.id}`, { text: 'x' }, 1);
    expect(patch.statusCode).toBe(404);
    expect((await outsider.delete(`/api/v1/open-questions/${question.id}`, 1)).statusCode).toBe(
      404,
    );
    const [row] = await server.handle.db
      .select({ text: openQuestions.text })
      .from(openQuestions)
      .where(and(eq(openQuestions.id, question.id), eq(openQuestions.version, 1)));
    expect(row?.text).toBe('Who had the key?');
  });
});
