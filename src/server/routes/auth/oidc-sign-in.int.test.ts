import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import type { OidcSettings } from '../../oidc/oidc-settings.ts';

const providerScript = fileURLToPath(
  new URL('../../../../test/support/oidc-provider-process.mjs', import.meta.url),
);
// The provider sends the browser here; the test hands that request to the server in-process.
const redirectUri = 'http://localhost:3999/api/v1/auth/oidc/callback';

/** Starts the real `oidc-provider` in a child process on loopback; resolves with its issuer. */
function startProvider(children: ChildProcess[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [providerScript, redirectUri], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
      const issuer = /issuer (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (issuer) {
        resolve(issuer);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => reject(new Error(`oidc-provider exited ${code}:\n${output}`)));
  });
}

const settingsFor = (issuer: string): OidcSettings => ({
  issuer,
  clientId: 'debrief',
  clientSecret: 'debrief-loopback-secret',
  redirectUri,
  scopes: 'openid email profile groups',
  groupsClaim: 'groups',
  rules: [
    { group: 'debrief-admins', role: 'admin' },
    { group: 'sre', role: 'member' },
  ],
  displayName: 'Loopback IdP',
});

/**
 * What a browser does: Debrief's start → the provider's login page (any password) → back to
 * Debrief's callback with the code. Resolves with the callback's response.
 */
async function signInThroughProvider(
  server: TestServer,
  login: string,
  tamper: (callbackPath: string) => string = (path) => path,
): Promise<LightMyRequestResponse> {
  const start = await server.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
  expect(start.statusCode).toBe(302);
  const flow = start.cookies.find((c) => c.name === 'debrief_oidc');
  expect(flow?.httpOnly).toBe(true);
  let url = new URL(String(start.headers.location));
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  for (let step = 0; step < 12 && !url.href.startsWith(redirectUri); step += 1) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: cookie() } });
    remember(response);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(String(response.headers.get('location')), url);
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (!action) {
      throw new Error(`no login form at ${url}: ${response.status} ${page.slice(0, 400)}`);
    }
    const submitted = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'any password' }),
    });
    remember(submitted);
    url = new URL(String(submitted.headers.get('location')), url);
  }
  expect(url.href.startsWith(redirectUri)).toBe(true);
  return server.app.inject({
    method: 'GET',
    url: tamper(`${url.pathname}${url.search}`),
    headers: { cookie: `debrief_oidc=${flow?.value}` },
  });
}

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
  const children: ChildProcess[] = [];
  let server: TestServer;
  let passwordless: TestServer;

  beforeAll(async () => {
    const issuer = await startProvider(children);
    server = await startTestServer(kind, undefined, { oidc: settingsFor(issuer) });
    passwordless = await startTestServer(kind, undefined, {
      oidc: settingsFor(issuer),
      localAccounts: false,
    });
  });
  afterAll(async () => {
    for (const child of children) {
      child.kill();
    }
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
