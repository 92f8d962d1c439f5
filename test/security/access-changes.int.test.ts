import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../http/test-server.ts';
import { describeEachDatabase } from '../support/test-database.ts';

describeEachDatabase('access changes and the authentication hook', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let creator: ApiClient;
  let other: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    creator = await server.signUp(admin, 'member');
    other = await server.signUp(admin, 'member');
    viewer = await server.signUp(admin, 'viewer');
  });
  afterAll(() => server.close());

  it('decides on the decoded path: an encoded /api/ route still needs credentials', async () => {
    for (const url of ['/%61pi/v1/policy', '/api/v1/%70olicy', '/%61%70%69/v1/incidents']) {
      const response = await server.anonymous.get(url);
      expect(response.statusCode, url).toBe(401);
      expect(response.json().code).toBe('UNAUTHENTICATED');
    }
    expect((await server.anonymous.get('/api/v1/health')).statusCode).toBe(200);
  });

  it('refuses a member who restricts someone else’s incident to themselves; nothing changes', async () => {
    const { data } = (await creator.post('/api/v1/incidents', incidentBody())).json();
    const url = `/api/v1/incidents/${data.id}`;
    const hide = await other.patch(url, { restricted: true, memberIds: [other.user.id] }, 1);
    expect(hide.statusCode).toBe(403);
    expect(hide.json().code).toBe('FORBIDDEN');
    expect((await other.get(url)).json().abilities.manageMembers).toBe(false);
    expect((await admin.get(url)).json().abilities.manageMembers).toBe(true);
    for (const reader of [creator, viewer, other]) {
      const read = await reader.get(url);
      expect(read.statusCode).toBe(200);
      expect(read.json().data).toMatchObject({ restricted: false, version: 1 });
    }
  });

  it('refuses, before writing, a change that would leave the caller outside the members', async () => {
    const { data } = (
      await creator.post(
        '/api/v1/incidents',
        incidentBody({ kind: 'security', memberIds: [other.user.id] }),
      )
    ).json();
    const url = `/api/v1/incidents/${data.id}`;
    const out = await creator.patch(url, { memberIds: [other.user.id] }, 1);
    expect(out.statusCode).toBe(422);
    expect(out.json().details).toEqual({ rule: 'ACCESS_CHANGE_EXCLUDES_ACTOR' });
    const read = await creator.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.json().data.version).toBe(1);
    expect(read.json().data.memberIds).toContain(creator.user.id);

    const pm = (await creator.post('/api/v1/postmortems', { incidentIds: [data.id] })).json().data;
    const pmUrl = `/api/v1/postmortems/${pm.id}`;
    const pmOut = await creator.patch(pmUrl, { memberIds: [other.user.id] }, pm.version);
    expect(pmOut.statusCode).toBe(422);
    expect((await creator.get(pmUrl)).statusCode).toBe(200);
  });

  it('lets admins restrict any incident, and members of a restricted one manage its members', async () => {
    const { data } = (await creator.post('/api/v1/incidents', incidentBody())).json();
    const url = `/api/v1/incidents/${data.id}`;
    expect(
      (await admin.patch(url, { restricted: true, memberIds: [creator.user.id] }, 1)).statusCode,
    ).toBe(200);
    expect((await other.get(url)).statusCode).toBe(404);
    const add = await creator.patch(url, { memberIds: [creator.user.id, other.user.id] }, 2);
    expect(add.statusCode).toBe(200);
    expect((await other.get(url)).statusCode).toBe(200);
  });
});
