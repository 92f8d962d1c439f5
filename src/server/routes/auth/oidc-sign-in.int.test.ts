import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type OidcProvider,
  signInThroughProvider,
  startOidcProvider,
} from '../../../../test/http/oidc-provider.ts';
import { startTestServer, type TestServer } from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';

async function sessionOf(server: TestServer, callback: LightMyRequestResponse) {
  const session = callback.cookies.find((c) => c.name === 'debrief_session');
  const response = await server.app.inject({
    method: 'GET',
    url: '/api/v1/auth/session',
    headers: { cookie: `debrief_session=${session?.value}` },
  });
  return response.json();
}

describeEachDatabase('OpenID Connect sign-in against a real provider on loopback', (kind) => {
  let provider: OidcProvider | undefined;
  let server: TestServer;
  let passwordless: TestServer;

  beforeAll(async () => {
    provider = await startOidcProvider();
    server = await startTestServer(kind, undefined, { oidc: provider.settings });
    passwordless = await startTestServer(kind, undefined, {
      oidc: provider.settings,
      localAccounts: false,
    });
  });
  afterAll(async () => {
    provider?.stop();
    await server?.close();
    await passwordless?.close();
  });

  it('says how to sign in: password and the provider', async () => {
    const methods = await server.anonymous.get('/api/v1/auth/methods');
    expect(methods.json()).toEqual({
      password: true,
      oidc: { name: 'Loopback IdP', startUrl: '/api/v1/auth/oidc/start' },
    });
  });

  it('refuses a callback that was not started here, or whose state was changed', async () => {
    const bare = await server.anonymous.get('/api/v1/auth/oidc/callback?code=x&state=y');
    expect(bare.statusCode).toBe(401);
    expect(bare.json().code).toBe('UNAUTHENTICATED');
    const forged = await signInThroughProvider(server, 'sam', (path) =>
      path.replace(/state=[^&]+/, 'state=forged'),
    );
    expect(forged.statusCode).toBe(401);
    expect(forged.cookies.find((c) => c.name === 'debrief_session')).toBeUndefined();
  });

  it('links an existing account by verified email and takes its role from the groups', async () => {
    const admin = await server.setUpAdmin();
    const local = await admin.post('/api/v1/users', {
      email: 'sam@example.com',
      name: 'Sam Responder',
      password: 'correct horse battery staple',
      role: 'viewer',
    });
    expect(local.statusCode).toBe(201);
    const sam = await signInThroughProvider(server, 'sam');
    expect(sam.statusCode).toBe(302);
    expect((await sessionOf(server, sam)).user).toMatchObject({
      id: local.json().data.id,
      role: 'member',
    });
    const again = await signInThroughProvider(server, 'sam');
    expect((await sessionOf(server, again)).user.id).toBe(local.json().data.id);
    const users = (await admin.get('/api/v1/users')).json().data as Array<{ email: string }>;
    expect(users.filter((u) => u.email === 'sam@example.com')).toHaveLength(1);
  });

  it('maps groups to roles: debrief-admins → admin, sre → member', async () => {
    const ada = await signInThroughProvider(server, 'ada');
    expect(ada.statusCode).toBe(302);
    expect(ada.headers.location).toBe('/');
    expect((await sessionOf(server, ada)).user).toMatchObject({
      email: 'ada@example.com',
      name: 'Ada Admin',
      role: 'admin',
    });
    const sam = await signInThroughProvider(server, 'sam');
    expect((await sessionOf(server, sam)).user).toMatchObject({ role: 'member' });
  });

  it('lets nobody in whose groups map to no role', async () => {
    const vic = await signInThroughProvider(server, 'vic');
    expect(vic.statusCode).toBe(403);
    expect(vic.json().code).toBe('FORBIDDEN');
    expect(vic.cookies.find((c) => c.name === 'debrief_session')).toBeUndefined();
  });

  it('with local accounts off: no password sign-in or setup, the provider makes the admin', async () => {
    expect((await passwordless.anonymous.get('/api/v1/setup')).json()).toEqual({
      needsSetup: false,
    });
    const setup = await passwordless.anonymous.post('/api/v1/setup', {
      email: 'admin@example.com',
      name: 'Avery Admin',
      password: 'correct horse battery staple',
    });
    expect(setup.statusCode).toBe(403);
    expect(setup.json().code).toBe('PASSWORD_SIGN_IN_DISABLED');
    const password = await passwordless.anonymous.post('/api/v1/auth/sessions', {
      email: 'ada@example.com',
      password: 'any password',
    });
    expect(password.statusCode).toBe(403);
    expect(password.json().code).toBe('PASSWORD_SIGN_IN_DISABLED');
    expect((await passwordless.anonymous.get('/api/v1/auth/methods')).json().password).toBe(false);
    const ada = await signInThroughProvider(passwordless, 'ada');
    expect((await sessionOf(passwordless, ada)).user).toMatchObject({ role: 'admin' });
  });
});
