import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/build-app.ts';
import { startTestServer, type TestServer } from '../http/test-server.ts';
import { describeEachDatabase } from '../support/test-database.ts';

const password = 'correct horse battery staple';

describeEachDatabase('sign-in throttle', (kind) => {
  let server: TestServer;
  let email: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const admin = await server.setUpAdmin();
    email = (await server.signUp(admin, 'member')).user.email;
  });
  afterAll(() => server.close());

  const signIn = (
    app: TestServer['app'],
    body: { email: string; password: string },
    from: { remoteAddress?: string; forwardedFor?: string } = {},
  ) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/sessions',
      payload: body,
      remoteAddress: from.remoteAddress ?? '192.0.2.1',
      headers: from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {},
    });

  it('counts concurrent guesses before checking them: 300 at once, then the right password gets 429', async () => {
    const from = { remoteAddress: '192.0.2.10' };
    const guesses = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        signIn(server.app, { email, password: `guess ${i}` }, from),
      ),
    );
    const statuses = guesses.map((g) => g.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(290);
    const right = await signIn(server.app, { email, password }, from);
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('RATE_LIMITED');
  });

  it('throttles one address across many accounts (password spraying)', async () => {
    const from = { remoteAddress: '192.0.2.20' };
    for (let i = 0; i < 30; i++) {
      const guess = await signIn(
        server.app,
        { email: `person${i}@example.com`, password: 'guess' },
        from,
      );
      expect(guess.statusCode).toBe(401);
    }
    expect((await signIn(server.app, { email, password }, from)).statusCode).toBe(429);
    expect(
      (await signIn(server.app, { email, password }, { remoteAddress: '192.0.2.21' })).statusCode,
    ).toBe(201);
  });

  it('ignores X-Forwarded-For from an untrusted peer, so a client cannot pick its address', async () => {
    for (let i = 0; i < 10; i++) {
      const guess = await signIn(
        server.app,
        { email, password: 'guess' },
        { remoteAddress: '192.0.2.30', forwardedFor: `198.51.100.${i}` },
      );
      expect(guess.statusCode).toBe(401);
    }
    const next = await signIn(
      server.app,
      { email, password },
      { remoteAddress: '192.0.2.30', forwardedFor: '198.51.100.99' },
    );
    expect(next.statusCode).toBe(429);
  });

  it('behind a trusted proxy, throttles the client, not everyone behind the proxy', async () => {
    const proxied = await buildApp({
      deps: server.deps,
      ping: server.handle.ping,
      trustedProxy: ['192.0.2.40'],
    });
    try {
      const proxy = { remoteAddress: '192.0.2.40' };
      for (let i = 0; i < 10; i++) {
        const guess = await signIn(
          proxied,
          { email, password: 'guess' },
          { ...proxy, forwardedFor: '203.0.113.5' },
        );
        expect(guess.statusCode).toBe(401);
      }
      expect(
        (await signIn(proxied, { email, password }, { ...proxy, forwardedFor: '203.0.113.5' }))
          .statusCode,
      ).toBe(429);
      expect(
        (await signIn(proxied, { email, password }, { ...proxy, forwardedFor: '203.0.113.6' }))
          .statusCode,
      ).toBe(201);
    } finally {
      await proxied.close();
    }
  });

  it('keeps its state in the database, so two instances share it', async () => {
    const second = await buildApp({ deps: server.deps, ping: server.handle.ping });
    try {
      const from = { remoteAddress: '192.0.2.50' };
      for (let i = 0; i < 10; i++) {
        const app = i % 2 === 0 ? server.app : second;
        expect((await signIn(app, { email, password: 'guess' }, from)).statusCode).toBe(401);
      }
      expect((await signIn(second, { email, password }, from)).statusCode).toBe(429);
      expect((await signIn(server.app, { email, password }, from)).statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });
});

describe('sign-in throttle configuration', () => {
  it('reads DEBRIEF_TRUSTED_PROXY as addresses and ranges', async () => {
    const { parseTrustedProxy } = await import('../../src/cli/commands/serve.ts');
    expect(parseTrustedProxy(undefined)).toBeUndefined();
    expect(parseTrustedProxy(' ')).toBeUndefined();
    expect(parseTrustedProxy('10.0.0.0/8, 127.0.0.1')).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });
});
