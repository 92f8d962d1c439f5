import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  sessionCookie,
  startTestServer,
  type TestServer,
  tokenClient,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { apiTokens, auditEvents, incidents, users } from '../../../storage/schema.ts';

describeEachDatabase('auth routes', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server.close());

  describe('first-admin setup', () => {
    it('is needed on a fresh install, validates, creates one admin and signs them in', async () => {
      expect((await server.anonymous.get('/api/v1/setup')).json()).toEqual({ needsSetup: true });
      const weak = await server.anonymous.post('/api/v1/setup', {
        email: 'not-an-email',
        name: '',
        password: 'short',
      });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().errors).toHaveLength(3);
      const response = await server.anonymous.post('/api/v1/setup', {
        email: 'First@Example.com',
        name: 'First Admin',
        password: 'correct horse battery staple',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().user).toMatchObject({ email: 'first@example.com', role: 'admin' });
      const cookie = response.cookies.find((c) => c.name === 'debrief_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect((await server.anonymous.get('/api/v1/setup')).json()).toEqual({ needsSetup: false });
    });

    it('cannot run twice', async () => {
      const again = await server.anonymous.post('/api/v1/setup', {
        email: 'second@example.com',
        name: 'Second',
        password: 'correct horse battery staple',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('SETUP_ALREADY_DONE');
      const [row] = await server.handle.db.select({ n: count() }).from(users);
      expect(row?.n).toBe(1);
    });
  });

  describe('sessions', () => {
    it('signs in, answers the session with a CSRF token, and signs out', async () => {
      const signIn = await server.anonymous.post('/api/v1/auth/sessions', {
        email: 'first@example.com',
        password: 'correct horse battery staple',
      });
      expect(signIn.statusCode).toBe(201);
      const cookie = sessionCookie(signIn);
      const session = await server.anonymous.request({
        method: 'GET',
        url: '/api/v1/auth/session',
        headers: { cookie },
      });
      expect(session.statusCode).toBe(200);
      expect(session.json().csrfToken).toBe(signIn.json().csrfToken);
      expect(session.json().abilities).toEqual({
        createIncident: true,
        createPostmortem: true,
        manageUsers: true,
      });
      const out = await server.anonymous.request({
        method: 'DELETE',
        url: '/api/v1/auth/sessions/current',
        headers: { cookie, 'x-csrf-token': signIn.json().csrfToken },
      });
      expect(out.statusCode).toBe(204);
      const after = await server.anonymous.request({
        method: 'GET',
        url: '/api/v1/auth/session',
        headers: { cookie },
      });
      expect(after.statusCode).toBe(401);
    });

    it('gives the same answer for an unknown email and a wrong password', async () => {
      const wrong = await server.anonymous.post('/api/v1/auth/sessions', {
        email: 'first@example.com',
        password: 'not the password',
      });
      const unknown = await server.anonymous.post('/api/v1/auth/sessions', {
        email: 'nobody@example.com',
        password: 'not the password',
      });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
      expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
    });

    it('refuses further sign-ins after repeated failures, even with the right password', async () => {
      const admin = await server.signIn('first@example.com');
      const { email } = (await server.signUp(admin, 'member')).user;
      const attempt = (password: string) =>
        server.anonymous.post('/api/v1/auth/sessions', { email, password });
      for (let i = 0; i < 10; i++) {
        expect((await attempt(`wrong password ${i}`)).statusCode).toBe(401);
      }
      const limited = await attempt('correct horse battery staple');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await attempt('correct horse battery staple')).statusCode).toBe(429);
      server.setNow('2026-11-21T12:00:00Z');
      expect((await attempt('correct horse battery staple')).statusCode).toBe(201);
    });

    it('refuses a cookie-authenticated write without the CSRF token and writes nothing', async () => {
      const signIn = await server.anonymous.post('/api/v1/auth/sessions', {
        email: 'first@example.com',
        password: 'correct horse battery staple',
      });
      const cookie = sessionCookie(signIn);
      const before = (await server.handle.db.select({ n: count() }).from(incidents))[0]?.n;
      for (const token of [undefined, 'forged']) {
        const response = await server.anonymous.request({
          method: 'POST',
          url: '/api/v1/incidents',
          headers: { cookie, ...(token ? { 'x-csrf-token': token } : {}) },
          payload: incidentBody(),
        });
        expect(response.statusCode).toBe(403);
        expect(response.json().code).toBe('CSRF_TOKEN_INVALID');
      }
      expect((await server.handle.db.select({ n: count() }).from(incidents))[0]?.n).toBe(before);
    });
  });

  describe('accounts and API tokens', () => {
    let admin: ApiClient;
    let member: ApiClient;

    beforeAll(async () => {
      admin = await server.signIn('first@example.com');
      member = await server.signUp(admin, 'member');
    });

    it('lets only admins create accounts, and refuses a taken email', async () => {
      const byMember = await member.post('/api/v1/users', {
        email: 'x@example.com',
        name: 'X',
        password: 'correct horse battery staple',
      });
      expect(byMember.statusCode).toBe(403);
      const taken = await admin.post('/api/v1/users', {
        email: 'FIRST@example.com',
        name: 'Dup',
        password: 'correct horse battery staple',
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().code).toBe('ALREADY_EXISTS');
      const list = (await admin.get('/api/v1/users')).json().data;
      expect(JSON.stringify(list)).not.toContain('scrypt');
    });

    it('issues a token shown once, stored hashed, usable without CSRF, and revocable', async () => {
      const created = await member.post('/api/v1/tokens', { name: 'ci script' });
      expect(created.statusCode).toBe(201);
      const { token, id, prefix } = created.json().data;
      expect(token.startsWith('dbf_')).toBe(true);
      expect(token.startsWith(prefix)).toBe(true);
      const [stored] = await server.handle.db.select().from(apiTokens).where(eq(apiTokens.id, id));
      expect(stored?.tokenHash).not.toContain(token);
      expect(JSON.stringify((await member.get('/api/v1/tokens')).json())).not.toContain(token);

      const script = tokenClient(server.app, member.user, token);
      const write = await script.post(
        '/api/v1/incidents',
        incidentBody({ title: 'From a script' }),
      );
      expect(write.statusCode).toBe(201);
      // Its last use is written at the first request, then at most once a minute.
      const lastUsed = async () =>
        (await server.handle.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]
          ?.lastUsedAt;
      const first = await lastUsed();
      expect(first).toBeInstanceOf(Date);
      expect((await script.get('/api/v1/incidents')).statusCode).toBe(200);
      expect(await lastUsed()).toEqual(first);

      expect((await member.delete(`/api/v1/tokens/${id}`)).statusCode).toBe(204);
      const revoked = await script.get('/api/v1/incidents');
      expect(revoked.statusCode).toBe(401);
      expect(revoked.json().code).toBe('UNAUTHENTICATED');
      expect((await member.delete(`/api/v1/tokens/${id}`)).statusCode).toBe(404);
      const audit = await server.handle.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, id));
      expect(audit.map((a) => a.action).sort()).toEqual(['api_token.created', 'api_token.revoked']);
    });

    it('refuses a forged bearer token', async () => {
      const forged = tokenClient(server.app, member.user, 'dbf_forged');
      expect((await forged.get('/api/v1/incidents')).statusCode).toBe(401);
    });
  });
});
