import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../../../../test/http/event-stream.ts';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import {
  createPostgresTestDatabase,
  describeEachDatabaseAndDataDir,
  testDatabaseKinds,
} from '../../../../test/support/test-database.ts';
import type { AppDeps } from '../../../app/app-deps.ts';
import { defaultPolicy } from '../../../domain/policy.ts';
import { openChangeFeed } from '../../../storage/change-feed.ts';
import { openDatabase } from '../../../storage/open-database.ts';
import { buildApp } from '../../build-app.ts';

async function readToken(client: ApiClient): Promise<Record<string, string>> {
  const token = (await client.post('/api/v1/tokens', { name: 'live', scopes: ['read'] })).json()
    .data.token;
  return { authorization: `Bearer ${token}` };
}

describeEachDatabaseAndDataDir('live updates of a postmortem', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let ada: ApiClient;
  let bo: ApiClient;
  let origin: string;
  let id: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    ada = await server.signUp(admin, 'member', 'Ada Lovelace');
    bo = await server.signUp(admin, 'member', 'Bo Diddley');
    const incident = (await ada.post('/api/v1/incidents', incidentBody())).json().data;
    id = (await ada.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json().data.id;
    origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  it('refuses anonymous callers and answers 404 for a postmortem one may not read', async () => {
    const anonymous = await openEventStream(`${origin}/api/v1/postmortems/${id}/events`, {});
    expect(anonymous.status).toBe(401);
    const missing = await openEventStream(
      `${origin}/api/v1/postmortems/${randomUUID()}/events`,
      await readToken(ada),
    );
    expect(missing.status).toBe(404);
  });

  it("tells each viewer of the other's change within a second, and who else is viewing", async () => {
    const url = `${origin}/api/v1/postmortems/${id}/events`;
    const adaStream = await openEventStream(url, await readToken(ada));
    const boStream = await openEventStream(url, await readToken(bo));
    const hello = (await boStream.waitFor((e) => e.event === 'hello')).data as { revision: number };
    const both = (e: { event: string; data: unknown }) =>
      e.event === 'presence' &&
      (e.data as { viewers: Array<{ name: string }> }).viewers.map((v) => v.name).join() ===
        'Ada Lovelace,Bo Diddley';
    await adaStream.waitFor(both);
    await boStream.waitFor(both);

    const version = (await ada.get(`/api/v1/postmortems/${id}`)).json().data.version;
    const saved = await ada.patch(
      `/api/v1/postmortems/${id}`,
      { title: 'Checkout latency, EU' },
      version,
    );
    expect(saved.statusCode).toBe(200);
    // From the moment the edit is saved (on a loaded test machine the save itself can be slow).
    const sent = Date.now();
    const change = await boStream.waitFor((e) => e.event === 'change', 1_000);
    expect(change.at - sent).toBeLessThan(1_000);
    expect(change.data).toEqual({
      postmortemId: id,
      revision: expect.any(Number),
      version: version + 1,
    });
    expect((change.data as { revision: number }).revision).toBeGreaterThan(hello.revision);
    // Ids and numbers only: the new title travels through the authorised read, not the stream.
    expect(JSON.stringify(boStream.events)).not.toContain('EU');

    // A part changed: the revision moves, the version does not.
    await ada.post(`/api/v1/postmortems/${id}/timeline-events`, {
      occurredAt: '2026-11-16T10:05:00Z',
      text: 'Alert fired',
    });
    await boStream.waitFor(
      (e) =>
        e.event === 'change' &&
        (e.data as { version: number }).version === version + 1 &&
        (e.data as { revision: number }).revision > (change.data as { revision: number }).revision,
      1_000,
    );

    adaStream.close();
    await boStream.waitFor(
      (e) =>
        e.event === 'presence' &&
        (e.data as { viewers: Array<{ name: string }> }).viewers.map((v) => v.name).join() ===
          'Bo Diddley',
    );
    boStream.close();
  });

  it('ends the stream of a viewer who may no longer read the postmortem', async () => {
    const url = `${origin}/api/v1/postmortems/${id}/events`;
    const boStream = await openEventStream(url, await readToken(bo));
    await boStream.waitFor((e) => e.event === 'hello');
    const version = (await admin.get(`/api/v1/postmortems/${id}`)).json().data.version;
    const restricted = await admin.patch(
      `/api/v1/postmortems/${id}`,
      { restricted: true, memberIds: [ada.user.id] },
      version,
    );
    expect(restricted.statusCode).toBe(200);
    await boStream.ended;
    expect(boStream.events.filter((e) => e.event === 'change')).toEqual([]);
    const again = await openEventStream(url, await readToken(bo));
    expect(again.status).toBe(404);
  });
});

describe.skipIf(!testDatabaseKinds.includes('postgres'))(
  'live updates across two Debrief instances on one PostgreSQL',
  () => {
    it('a change written through one instance reaches a viewer of the other (LISTEN/NOTIFY)', async () => {
      const database = await createPostgresTestDatabase();
      const instances = await Promise.all(
        [0, 1].map(async () => {
          const handle = await openDatabase({ kind: 'postgres', url: database.url });
          const deps: AppDeps = {
            db: handle.db,
            clock: () => new Date(),
            newId: randomUUID,
            policy: defaultPolicy,
          };
          const app = await buildApp({
            deps,
            ping: handle.ping,
            changeFeed: openChangeFeed(handle),
          });
          return { handle, app, origin: await app.listen({ port: 0, host: '127.0.0.1' }) };
        }),
      );
      const [first, second] = instances as [(typeof instances)[0], (typeof instances)[0]];
      try {
        const setup = await fetch(`${first.origin}/api/v1/setup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            email: 'admin@example.com',
            name: 'Avery Admin',
            password: 'correct horse battery staple',
          }),
        });
        const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        const { csrfToken } = (await setup.json()) as { csrfToken: string };
        const call = async (
          origin: string,
          method: string,
          path: string,
          body?: unknown,
          ifMatch?: number,
        ) => {
          const response = await fetch(`${origin}${path}`, {
            method,
            headers: {
              cookie,
              'x-csrf-token': csrfToken,
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              ...(ifMatch === undefined ? {} : { 'if-match': `"${ifMatch}"` }),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          });
          return (await response.json()) as {
            data: { id: string; version: number; token: string };
          };
        };
        const incident = await call(first.origin, 'POST', '/api/v1/incidents', incidentBody());
        const pm = await call(first.origin, 'POST', '/api/v1/postmortems', {
          incidentIds: [incident.data.id],
        });
        const token = await call(first.origin, 'POST', '/api/v1/tokens', {
          name: 'live',
          scopes: ['read'],
        });
        const stream = await openEventStream(
          `${second.origin}/api/v1/postmortems/${pm.data.id}/events`,
          { authorization: `Bearer ${token.data.token}` },
        );
        await stream.waitFor((e) => e.event === 'hello');
        await call(
          first.origin,
          'PATCH',
          `/api/v1/postmortems/${pm.data.id}`,
          { title: 'Renamed' },
          pm.data.version,
        );
        const sent = Date.now();
        const change = await stream.waitFor((e) => e.event === 'change', 1_000);
        expect(change.at - sent).toBeLessThan(1_000);
        expect(change.data).toMatchObject({
          postmortemId: pm.data.id,
          version: pm.data.version + 1,
        });
        stream.close();
      } finally {
        for (const instance of instances) {
          await instance.app.close();
          await instance.handle.close();
        }
        await database.drop();
      }
    });
  },
);
