import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
  tokenClient,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { auditEvents } from '../../../storage/schema.ts';

const password = 'correct horse battery staple';

describeEachDatabase('account administration', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    member = await server.signUp(admin, 'member');
  });
  afterAll(() => server.close());

  const userUrl = (client: ApiClient) => `/api/v1/users/${client.user.id}`;

  it('refuses the unauthenticated and non-admins', async () => {
    expect((await server.anonymous.patch(userUrl(member), { role: 'viewer' })).statusCode).toBe(
      401,
    );
    expect((await member.patch(userUrl(admin), { role: 'viewer' })).statusCode).toBe(403);
    expect((await member.post(`${userUrl(admin)}/password-reset`)).statusCode).toBe(403);
    expect((await member.delete(`${userUrl(admin)}/sessions`)).statusCode).toBe(403);
  });

  it('validates the change and answers 404 for an unknown account', async () => {
    const invalid = await admin.patch(userUrl(member), { role: 'owner', extra: 1 });
    expect(invalid.statusCode).toBe(400);
    expect((await admin.patch(userUrl(member), {})).statusCode).toBe(400);
    const unknown = await admin.patch('/api/v1/users/00000000-0000-4000-8000-000000000000', {
      role: 'viewer',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('changes a role, which takes effect at once', async () => {
    const person = await server.signUp(admin, 'member');
    const changed = await admin.patch(userUrl(person), { role: 'viewer' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().data.role).toBe('viewer');
    expect((await person.post('/api/v1/incidents', incidentBody())).statusCode).toBe(403);
  });

  it('keeps at least one enabled admin', async () => {
    const demote = await admin.patch(userUrl(admin), { role: 'member' });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().details).toEqual({ rule: 'LAST_ADMIN' });
    expect((await admin.patch(userUrl(admin), { disabled: true })).statusCode).toBe(422);
  });

  it('disables an account: sessions end, tokens stop, sign-in is refused; enabling restores', async () => {
    const person = await server.signUp(admin, 'member');
    const token = (await person.post('/api/v1/tokens', { name: 'script' })).json().data.token;
    const script = tokenClient(server.app, person.user, token);
    expect((await admin.patch(userUrl(person), { disabled: true })).statusCode).toBe(200);
    expect((await person.get('/api/v1/incidents')).statusCode).toBe(401);
    expect((await script.get('/api/v1/incidents')).statusCode).toBe(401);
    const signIn = await server.anonymous.post('/api/v1/auth/sessions', {
      email: person.user.email,
      password,
    });
    expect(signIn.statusCode).toBe(401);
    expect((await admin.patch(userUrl(person), { disabled: false })).statusCode).toBe(200);
    expect((await server.signIn(person.user.email)).user.id).toBe(person.user.id);
    expect((await script.get('/api/v1/incidents')).statusCode).toBe(200);
  });

  it('issues a one-time reset link that sets a new password and ends old sessions', async () => {
    const person = await server.signUp(admin, 'member');
    const issued = await admin.post(`${userUrl(person)}/password-reset`);
    expect(issued.statusCode).toBe(201);
    const { token, resetPath } = issued.json().data;
    expect(resetPath).toBe(`/reset-password#${token}`);
    const weak = await server.anonymous.post('/api/v1/password-resets', {
      token,
      password: 'short',
    });
    expect(weak.statusCode).toBe(400);
    const newPassword = 'a brand new long passphrase';
    const redeemed = await server.anonymous.post('/api/v1/password-resets', {
      token,
      password: newPassword,
    });
    expect(redeemed.statusCode).toBe(204);
    expect((await person.get('/api/v1/incidents')).statusCode).toBe(401);
    const again = await server.anonymous.post('/api/v1/password-resets', {
      token,
      password: newPassword,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('RESET_LINK_INVALID');
    const signIn = await server.anonymous.post('/api/v1/auth/sessions', {
      email: person.user.email,
      password: newPassword,
    });
    expect(signIn.statusCode).toBe(201);
    const audit = await server.handle.db
      .select({ action: auditEvents.action, data: auditEvents.data })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, person.user.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['user.password_reset_issued', 'user.password_reset']),
    );
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('refuses an expired or replaced reset link', async () => {
    const person = await server.signUp(admin, 'member');
    const first = (await admin.post(`${userUrl(person)}/password-reset`)).json().data.token;
    const second = (await admin.post(`${userUrl(person)}/password-reset`)).json().data.token;
    const body = (token: string) => ({ token, password: 'another long passphrase' });
    expect((await server.anonymous.post('/api/v1/password-resets', body(first))).statusCode).toBe(
      400,
    );
    server.setNow('2026-11-23T12:00:00Z');
    expect((await server.anonymous.post('/api/v1/password-resets', body(second))).statusCode).toBe(
      400,
    );
    server.setNow('2026-11-20T12:00:00Z');
  });

  it('signs an account out everywhere: by an admin, or oneself', async () => {
    const person = await server.signUp(admin, 'member');
    const laptop = await server.signIn(person.user.email);
    const ended = await admin.delete(`${userUrl(person)}/sessions`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json().data.sessionsEnded).toBe(2);
    expect((await person.get('/api/v1/incidents')).statusCode).toBe(401);
    expect((await laptop.get('/api/v1/incidents')).statusCode).toBe(401);

    const phone = await server.signIn(person.user.email);
    const desk = await server.signIn(person.user.email);
    const own = await phone.delete('/api/v1/auth/sessions');
    expect(own.statusCode).toBe(200);
    expect(own.json().data.sessionsEnded).toBe(2);
    expect((await desk.get('/api/v1/incidents')).statusCode).toBe(401);
  });

  it('ends a session left idle for longer than the idle timeout', async () => {
    const person = await server.signUp(admin, 'member');
    server.setNow('2026-11-20T15:00:00Z');
    expect((await person.get('/api/v1/incidents')).statusCode).toBe(200);
    server.setNow('2026-11-20T22:59:00Z');
    expect((await person.get('/api/v1/incidents')).statusCode).toBe(200);
    server.setNow('2026-11-21T07:00:00Z');
    expect((await person.get('/api/v1/incidents')).statusCode).toBe(401);
    server.setNow('2026-11-20T12:00:00Z');
  });

  it('issues tokens with scopes and an optional expiry, and enforces both', async () => {
    const reader = await member.post('/api/v1/tokens', { name: 'dashboard', scopes: ['read'] });
    expect(reader.statusCode).toBe(201);
    expect(reader.json().data).toMatchObject({ scopes: ['read'], expiresAt: null });
    const readOnly = tokenClient(server.app, member.user, reader.json().data.token);
    expect((await readOnly.get('/api/v1/incidents')).statusCode).toBe(200);
    const write = await readOnly.post('/api/v1/incidents', incidentBody());
    expect(write.statusCode).toBe(403);
    expect(write.json().details).toEqual({ requiredScope: 'write' });

    const writer = tokenClient(
      server.app,
      member.user,
      (await member.post('/api/v1/tokens', { name: 'bot', scopes: ['write'] })).json().data.token,
    );
    expect((await writer.get('/api/v1/incidents')).statusCode).toBe(403);
    expect((await writer.post('/api/v1/incidents', incidentBody())).statusCode).toBe(201);

    const integrationsBy = async (scopes: string[]) => {
      const created = await admin.post('/api/v1/tokens', { name: scopes.join('+'), scopes });
      return tokenClient(server.app, admin.user, created.json().data.token).get(
        '/api/v1/integrations',
      );
    };
    expect((await integrationsBy(['read', 'write'])).statusCode).toBe(403);
    expect((await integrationsBy(['webhook'])).statusCode).toBe(200);

    const past = await member.post('/api/v1/tokens', {
      name: 'late',
      expiresAt: '2026-11-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    const badScope = await member.post('/api/v1/tokens', { name: 'x', scopes: ['admin'] });
    expect(badScope.statusCode).toBe(400);
    const expiring = await member.post('/api/v1/tokens', {
      name: 'one day',
      expiresAt: '2026-11-21T12:00:00Z',
    });
    const temporary = tokenClient(server.app, member.user, expiring.json().data.token);
    expect((await temporary.get('/api/v1/incidents')).statusCode).toBe(200);
    server.setNow('2026-11-21T12:00:01Z');
    expect((await temporary.get('/api/v1/incidents')).statusCode).toBe(401);
    server.setNow('2026-11-20T12:00:00Z');
  });
});
