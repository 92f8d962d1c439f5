import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTeamServer } from '../../../../test/http/team-server.ts';
import type { ApiClient, TestServer } from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { auditEvents, serviceDependencies, services } from '../../../storage/schema.ts';

describeEachDatabase('service catalogue routes', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  let viewer: ApiClient;

  const counts = async () => ({
    services: (await server.handle.db.select({ n: count() }).from(services))[0]?.n,
    edges: (await server.handle.db.select({ n: count() }).from(serviceDependencies))[0]?.n,
  });
  const auditActions = async (subjectId: string) =>
    (
      await server.handle.db
        .select({ action: auditEvents.action, data: auditEvents.data })
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, subjectId))
        .orderBy(asc(auditEvents.id))
    ).map((row) => row.action);

  beforeAll(async () => {
    ({ server, admin, member, viewer } = await startTeamServer(kind));
  });
  afterAll(() => server.close());

  it('refuses anonymous callers and viewer writes, lets viewers read', async () => {
    expect((await server.anonymous.get('/api/v1/services')).statusCode).toBe(401);
    const write = await viewer.request({
      method: 'PUT',
      url: '/api/v1/services/chat',
      payload: { description: 'x' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('FORBIDDEN');
    const imported = await viewer.post('/api/v1/services/import', {
      services: [{ name: 'chat' }],
    });
    expect(imported.statusCode).toBe(403);
    const read = await viewer.get('/api/v1/services');
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ create: false, import: false });
    expect(await counts()).toEqual({ services: 0, edges: 0 });
  });

  it('lists every validation problem of a PUT at once', async () => {
    const response = await member.request({
      method: 'PUT',
      url: '/api/v1/services/chat',
      payload: { description: 7, dependsOn: ['a', 'a'], extra: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.length).toBeGreaterThanOrEqual(3);
    const unknown = await member.request({
      method: 'PUT',
      url: '/api/v1/services/chat',
      payload: { dependsOn: ['chat', 'nowhere'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(
      unknown.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    ).toEqual([
      ['body.dependsOn.0', 'self_dependency'],
      ['body.dependsOn.1', 'unknown_service'],
    ]);
  });

  it('creates, replaces under If-Match and removes a service', async () => {
    const put = (name: string, payload: object, ifMatch?: number) =>
      member.request({ method: 'PUT', url: `/api/v1/services/${name}`, payload, ifMatch });
    expect((await put('slack-proxy', { description: 'Outbound Slack' })).statusCode).toBe(201);
    const created = await put('chat-gateway', { dependsOn: ['slack-proxy'] });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json().data).toMatchObject({ name: 'chat-gateway', dependsOn: ['slack-proxy'] });

    const missing = await put('chat-gateway', { description: 'Chat' });
    expect(missing.statusCode).toBe(428);
    const replaced = await put('chat-gateway', { description: 'Chat', dependsOn: [] }, 1);
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().data).toMatchObject({ description: 'Chat', dependsOn: [], version: 2 });
    const stale = await put('chat-gateway', { description: 'Old' }, 1);
    expect(stale.statusCode).toBe(412);
    expect(stale.json().details.currentVersion).toBe(2);
    expect((await put('never-made', {}, 1)).statusCode).toBe(412);

    expect((await member.delete('/api/v1/services/chat-gateway')).statusCode).toBe(428);
    expect((await member.delete('/api/v1/services/chat-gateway', 1)).statusCode).toBe(412);
    expect((await member.delete('/api/v1/services/chat-gateway', 2)).statusCode).toBe(204);
    expect((await member.delete('/api/v1/services/chat-gateway', 2)).statusCode).toBe(404);
    expect(await auditActions('chat-gateway')).toEqual([
      'service.created',
      'service.updated',
      'service.removed',
    ]);
  });

  it('imports a catalogue in one transaction and lists it with dependsOn', async () => {
    const response = await admin.post('/api/v1/services/import', {
      services: [
        { name: 'alerting', description: 'Alert routing', dependsOn: ['chat-gateway'] },
        { name: 'chat-gateway', dependsOn: ['slack-proxy'] },
        { name: 'slack-proxy', description: 'Outbound Slack (replaced)' },
      ],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toEqual({
      created: ['alerting', 'chat-gateway'],
      updated: ['slack-proxy'],
    });
    const list = (await viewer.get('/api/v1/services')).json().data;
    expect(
      list.map((s: { data: { name: string; dependsOn: string[] } }) => [
        s.data.name,
        s.data.dependsOn,
      ]),
    ).toEqual([
      ['alerting', ['chat-gateway']],
      ['chat-gateway', ['slack-proxy']],
      ['slack-proxy', []],
    ]);
    expect(await auditActions('services')).toEqual(['services.imported']);
  });

  it('writes nothing when any entry of an import is bad, and lists every problem', async () => {
    const before = await counts();
    const response = await member.post('/api/v1/services/import', {
      services: [
        { name: 'payments', dependsOn: ['ledger'] },
        { name: 'search', dependsOn: ['search'] },
        { name: 'payments' },
        { name: 'slack-proxy', description: 'would change' },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(
      response.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    ).toEqual([
      ['body.services.2.name', 'duplicate_service'],
      ['body.services.0.dependsOn.0', 'unknown_service'],
      ['body.services.1.dependsOn.0', 'self_dependency'],
    ]);
    expect(await counts()).toEqual(before);
    const [proxy] = await server.handle.db
      .select()
      .from(services)
      .where(eq(services.name, 'slack-proxy'));
    expect(proxy?.description).toBe('Outbound Slack (replaced)');
  });
});
