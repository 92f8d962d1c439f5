import { randomUUID } from 'node:crypto';
import type {
  FastifyInstance,
  FastifyServerOptions,
  InjectOptions,
  LightMyRequestResponse,
} from 'fastify';
import type { AppDeps } from '../../src/app/app-deps.ts';
import { defaultPolicy, type Policy } from '../../src/domain/policy.ts';
import { buildApp } from '../../src/server/build-app.ts';
import type { OidcSettings } from '../../src/server/oidc/oidc-settings.ts';
import type { TrackerSettings } from '../../src/server/trackers/tracker-settings.ts';
import { openChangeFeed } from '../../src/storage/change-feed.ts';
import type { DatabaseHandle } from '../../src/storage/open-database.ts';
import { openTestDatabase, type TestDatabaseKind } from '../support/test-database.ts';

/** A caller of the API: a signed-in browser (cookie + CSRF) or a script (bearer token). */
export interface ApiClient {
  user: { id: string; email: string; role: string };
  request(options: InjectOptions & { ifMatch?: number }): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, ifMatch?: number): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown, ifMatch?: number): Promise<LightMyRequestResponse>;
  delete(url: string, ifMatch?: number): Promise<LightMyRequestResponse>;
}

/** The server under test with its real database and a controllable clock. */
export interface TestServer {
  app: FastifyInstance;
  handle: DatabaseHandle;
  deps: AppDeps;
  setNow(instant: string): void;
  anonymous: ApiClient;
  /** Runs first-admin setup and returns the admin's client. */
  setUpAdmin(): Promise<ApiClient>;
  /** Signs an existing account in (password of the test accounts). */
  signIn(email: string): Promise<ApiClient>;
  /** Creates an account through the admin and signs it in. */
  signUp(admin: ApiClient, role: 'admin' | 'member' | 'viewer', name?: string): Promise<ApiClient>;
  close(): Promise<void>;
}

const password = 'correct horse battery staple';

function makeClient(
  app: FastifyInstance,
  user: ApiClient['user'],
  auth: { cookie?: string; csrf?: string; token?: string },
): ApiClient {
  const request = (options: InjectOptions & { ifMatch?: number }) => {
    const { ifMatch, ...rest } = options;
    const headers: Record<string, string> = { ...(rest.headers as Record<string, string>) };
    if (auth.cookie) {
      headers.cookie = auth.cookie;
    }
    if (auth.csrf && rest.method !== 'GET') {
      headers['x-csrf-token'] = auth.csrf;
    }
    if (auth.token) {
      headers.authorization = `Bearer ${auth.token}`;
    }
    if (ifMatch !== undefined) {
      headers['if-match'] = `"${ifMatch}"`;
    }
    return app.inject({ ...rest, headers });
  };
  return {
    user,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body, ifMatch) =>
      request({
        method: 'POST',
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        ifMatch,
      }),
    patch: (url, body, ifMatch) =>
      request({ method: 'PATCH', url, payload: body as object, ifMatch }),
    delete: (url, ifMatch) => request({ method: 'DELETE', url, ifMatch }),
  };
}

/** Extracts the session cookie from a sign-in or setup response. */
export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'debrief_session');
  if (!cookie) {
    throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  }
  return `debrief_session=${cookie.value}`;
}

/** Starts Debrief on a fresh database of the given kind. */
export async function startTestServer(
  kind: TestDatabaseKind,
  policy: Policy = defaultPolicy,
  options: {
    logger?: FastifyServerOptions['logger'];
    trackers?: TrackerSettings;
    oidc?: OidcSettings;
    localAccounts?: boolean;
  } = {},
): Promise<TestServer> {
  const handle = await openTestDatabase(kind);
  let now = new Date('2026-11-20T12:00:00Z').getTime();
  // Time moves on by a millisecond per reading, as it does between real requests.
  const clock = () => {
    now += 1;
    return new Date(now);
  };
  const deps: AppDeps = { db: handle.db, clock, newId: randomUUID, policy };
  const app = await buildApp({
    deps,
    ping: handle.ping,
    readsBesideChecks: handle.kind === 'postgres',
    logger: options.logger,
    trackers: options.trackers ?? { clients: {}, publicUrl: null },
    ...(options.oidc ? { oidc: options.oidc } : {}),
    ...(options.localAccounts === undefined ? {} : { localAccounts: options.localAccounts }),
    changeFeed: openChangeFeed(handle),
  });
  const anonymous = makeClient(app, { id: '', email: '', role: 'anonymous' }, {});

  const signIn = async (email: string) => {
    const response = await anonymous.post('/api/v1/auth/sessions', { email, password });
    const body = response.json();
    return makeClient(app, body.user, { cookie: sessionCookie(response), csrf: body.csrfToken });
  };

  return {
    app,
    handle,
    deps,
    anonymous,
    signIn,
    setNow: (instant) => {
      now = new Date(instant).getTime();
    },
    setUpAdmin: async () => {
      const response = await anonymous.post('/api/v1/setup', {
        email: 'admin@example.com',
        name: 'Avery Admin',
        password,
      });
      if (response.statusCode !== 201) {
        throw new Error(`setup failed: ${response.body}`);
      }
      const body = response.json();
      return makeClient(app, body.user, { cookie: sessionCookie(response), csrf: body.csrfToken });
    },
    signUp: async (admin, role, name) => {
      const email = `${role}-${randomUUID().slice(0, 8)}@example.com`;
      const created = await admin.post('/api/v1/users', {
        email,
        name: name ?? `${role} person`,
        password,
        role,
      });
      if (created.statusCode !== 201) {
        throw new Error(`user creation failed: ${created.body}`);
      }
      return signIn(email);
    },
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/** A client that authenticates with a bearer token instead of a cookie. */
export function tokenClient(
  app: FastifyInstance,
  user: ApiClient['user'],
  token: string,
): ApiClient {
  return makeClient(app, user, { token });
}

/** A minimal valid incident body, resolved so that its postmortem can advance. */
export function incidentBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Checkout latency',
    kind: 'outage',
    severity: 'sev2',
    services: ['checkout-api'],
    instants: {
      started_at: { at: '2026-11-16T10:00:00Z' },
      detected_at: { at: '2026-11-16T10:05:00Z' },
      resolved_at: { at: '2026-11-16T11:00:00Z' },
    },
    ...overrides,
  };
}

/** Returns `response` when it has `status`; throws with the body otherwise (setup steps). */
export function expectStatus<R extends { statusCode: number; body: string }>(
  response: R,
  status = 200,
): R {
  if (response.statusCode !== status) {
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  }
  return response;
}
