import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { OidcSettings } from '../../src/server/oidc/oidc-settings.ts';
import type { TestServer } from './test-server.ts';

// A real OpenID Connect provider (`oidc-provider`) in a child process on loopback, and what a
// browser does to sign in through it. Its people: ada (debrief-admins, sre), sam (sre) and vic
// (contractors, which maps to no role); see `test/support/oidc-provider-process.mjs`.

const providerScript = fileURLToPath(
  new URL('../support/oidc-provider-process.mjs', import.meta.url),
);
// The provider sends the browser here; the test hands that request to the server in-process.
const redirectUri = 'http://localhost:3999/api/v1/auth/oidc/callback';

/** A provider running in a child process. */
export interface OidcProvider {
  issuer: string;
  /** The settings a server signs in through it with: debrief-admins → admin, sre → member. */
  settings: OidcSettings;
  stop(): void;
}

/** Starts the real `oidc-provider` in a child process on loopback. */
export function startOidcProvider(): Promise<OidcProvider> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [providerScript, redirectUri], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
      const issuer = /issuer (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (issuer) {
        resolve({ issuer, settings: settingsFor(issuer), stop: () => child.kill() });
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
export async function signInThroughProvider(
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
