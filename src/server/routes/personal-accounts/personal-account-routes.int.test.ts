import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  sessionCookie,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase, queryRows } from '../../../../test/support/test-database.ts';
import { buildApp } from '../../build-app.ts';

describeEachDatabase('personal account routes', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let author: ApiClient;
  let colleague: ApiClient;
  let viewer: ApiClient;
  let base: string;
  const authorName = 'Quinn Storyteller';

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    author = await server.signUp(admin, 'member', authorName);
    colleague = await server.signUp(admin, 'member');
    viewer = await server.signUp(admin, 'viewer');
    const incident = (await author.post('/api/v1/incidents', incidentBody())).json().data;
    const postmortem = (
      await author.post('/api/v1/postmortems', { incidentIds: [incident.id] })
    ).json().data;
    base = `/api/v1/postmortems/${postmortem.id}/personal-accounts`;
  });
  afterAll(() => server.close());

  it('refuses the unauthenticated, viewer writes and outsiders of a restricted review', async () => {
    expect((await server.anonymous.get(base)).statusCode).toBe(401);
    expect((await viewer.post(base, { body: 'I saw it' })).statusCode).toBe(403);
    expect((await viewer.get(base)).statusCode).toBe(200);
    const incident = (
      await admin.post('/api/v1/incidents', incidentBody({ kind: 'security' }))
    ).json().data;
    const restricted = (
      await admin.post('/api/v1/postmortems', { incidentIds: [incident.id] })
    ).json().data;
    const url = `/api/v1/postmortems/${restricted.id}/personal-accounts`;
    expect((await author.get(url)).statusCode).toBe(404);
    expect((await author.post(url, { body: 'x' })).statusCode).toBe(404);
  });

  it('rejects an invalid body with every issue', async () => {
    const response = await author.post(base, { body: '', anonymous: 'yes', extra: 1 });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a named account editable by its author only, and lints only on request', async () => {
    const created = await author.post(base, { body: 'I restarted the pool at 10:20.' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      data: { anonymous: false, authorUserId: author.user.id, authorName, version: 1 },
      abilities: { update: true, remove: true, pin: true },
      findings: null,
    });
    const url = `/api/v1/personal-accounts/${created.json().data.id}`;
    expect((await author.patch(url, { body: 'x' })).statusCode).toBe(428);
    expect((await colleague.patch(url, { body: 'x' }, 1)).statusCode).toBe(403);
    expect((await admin.patch(url, { body: 'x' }, 1)).statusCode).toBe(403);
    const linted = await author.patch(
      url,
      { body: 'Bob caused the outage by being careless.', lintRequested: true },
      1,
    );
    expect(linted.statusCode).toBe(200);
    expect(linted.json().data.version).toBe(2);
    expect(linted.json().findings.length).toBeGreaterThan(0);
    expect((await author.delete(url, 1)).statusCode).toBe(412);
    expect((await colleague.delete(url, 2)).statusCode).toBe(403);
    expect((await author.delete(url, 2)).statusCode).toBe(204);
    const audit = await queryRows<{ action: string; actor_id: string | null }>(
      server.handle,
      sql`select action, actor_id from audit_events where subject_id = ${created.json().data.id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'personal_account.created',
      'personal_account.updated',
      'personal_account.removed',
    ]);
    expect(audit.every((a) => a.actor_id === author.user.id)).toBe(true);
  });

  it('pins a moment as a proposed event, once, with no actor for an anonymous account', async () => {
    const account = (
      await author.post(base, { body: 'At 10:05 the dashboard went red.', anonymous: true })
    ).json().data;
    const url = `/api/v1/personal-accounts/${account.id}/pins`;
    const moment = { excerpt: 'the dashboard went red', occurredAt: '2026-11-16T11:05:00+01:00' };
    expect((await viewer.post(url, moment)).statusCode).toBe(403);
    const missing = await colleague.post(url, { ...moment, excerpt: 'not in it' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().details.rule).toBe('EXCERPT_NOT_IN_ACCOUNT');
    const pinned = await colleague.post(url, { ...moment, kind: 'detection' });
    expect(pinned.statusCode).toBe(201);
    expect(pinned.json().data).toMatchObject({
      occurredAt: '2026-11-16T10:05:00.000Z',
      source: 'personal_account',
      status: 'proposed',
      actor: null,
      kind: 'detection',
    });
    expect(pinned.json().data.externalId).toMatch(
      new RegExp(`^personal_account:${account.id}:[0-9a-f]{16}$`),
    );
    const again = await colleague.post(url, moment);
    expect(again.statusCode).toBe(200);
    expect(again.json().data.id).toBe(pinned.json().data.id);
  });

  it('leaves no trace of the author of an anonymous account anywhere in the database', async () => {
    const created = await author.post(base, {
      body: 'I was paged and could not find the runbook.',
      anonymous: true,
    });
    expect(created.statusCode).toBe(201);
    const account = created.json();
    expect(account.data).toMatchObject({ anonymous: true, authorUserId: null, authorName: null });
    expect(account.abilities).toMatchObject({ update: false, remove: false });
    const url = `/api/v1/personal-accounts/${account.data.id}`;
    expect((await author.patch(url, { body: 'changed' }, 1)).statusCode).toBe(403);
    expect((await author.delete(url, 1)).statusCode).toBe(403);
    await author.post(`${url}/pins`, {
      excerpt: 'could not find the runbook',
      occurredAt: '2026-11-16T10:12:00Z',
    });

    const traces = [author.user.id, author.user.email, authorName];
    expect(await rowsTying(server, account.data.id, traces)).toEqual([]);
    // The scan does find a named account's author: it is not vacuous.
    const named = (await author.post(base, { body: 'Signed.' })).json().data;
    expect((await rowsTying(server, named.id, traces)).length).toBeGreaterThan(0);
    const audit = await queryRows<{ actor_id: string | null; data: unknown }>(
      server.handle,
      sql`select actor_id, data from audit_events where subject_id = ${account.data.id}`,
    );
    expect(audit).toEqual([{ actor_id: null, data: { anonymous: true } }]);
  });

  it('does not log the author of an anonymous account', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({
      deps: server.deps,
      ping: server.handle.ping,
      logger: { level: 'trace', stream },
    });
    try {
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sessions',
        payload: { email: author.user.email, password: 'correct horse battery staple' },
      });
      const cookie = sessionCookie(signIn);
      lines.length = 0;
      const response = await app.inject({
        method: 'POST',
        url: base,
        headers: { cookie, 'x-csrf-token': signIn.json().csrfToken },
        payload: { body: 'Nobody should know I wrote this.', anonymous: true },
      });
      expect(response.statusCode).toBe(201);
      expect(lines.length).toBeGreaterThan(0);
      const logged = lines.join('\n').toLowerCase();
      for (const trace of [author.user.id, author.user.email, authorName, cookie]) {
        expect(logged).not.toContain(trace.toLowerCase());
      }
    } finally {
      await app.close();
    }
  });
});

/** Every row of every public table that holds `id` together with any of `traces`. */
async function rowsTying(server: TestServer, id: string, traces: string[]): Promise<string[]> {
  const tables = await queryRows<{ table_name: string }>(
    server.handle,
    sql`select table_name from information_schema.tables where table_schema = 'public'`,
  );
  expect(tables.length).toBeGreaterThan(10);
  const needles = traces.map((t) => t.toLowerCase());
  const found: string[] = [];
  for (const { table_name: table } of tables) {
    const rows = await queryRows<{ row: string }>(
      server.handle,
      sql`select row_to_json(t)::text as row from ${sql.identifier(table)} t`,
    );
    for (const { row } of rows) {
      const text = row.toLowerCase();
      if (text.includes(id) && needles.some((needle) => text.includes(needle))) {
        found.push(`${table}: ${row}`);
      }
    }
  }
  return found;
}
