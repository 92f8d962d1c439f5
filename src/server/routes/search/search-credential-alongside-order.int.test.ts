import { eq } from 'drizzle-orm';
import { afterEach, expect, it, vi } from 'vitest';
import { searchAs, startSearchScene } from '../../../../test/http/search-scene.ts';
import { startSuiteScene } from '../../../../test/http/start-suite-scene.ts';
import { startTestServer, tokenClient } from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { credentialsRepository } from '../../../storage/repositories/credentials-repository.ts';
import { searchRepository } from '../../../storage/repositories/search-repository.ts';
import { apiTokens, users } from '../../../storage/schema.ts';

// What runs, and in which order, when a search's credential is checked beside it: on
// PostgreSQL the search goes out first once its credential was accepted for a search before;
// never for a credential not accepted for one (a stranger's cookie, a token without the read
// scope), never again after a refusal, and never on PGlite, whose one connection would make
// the check wait behind the search. A refusal does not wait for the search it started.
describeEachDatabase('search: what runs beside the credential check', (kind) => {
  const scene = startSuiteScene(() => startSearchScene(kind));
  const beside = kind === 'postgres';

  /** Records, in order, each search and each session lookup the server makes. */
  const recordCalls = () => {
    const calls: string[] = [];
    const search = searchRepository.search.bind(searchRepository);
    const lookup = credentialsRepository.findLiveSession.bind(credentialsRepository);
    vi.spyOn(searchRepository, 'search').mockImplementation((...args) => {
      calls.push('search');
      return search(...args);
    });
    vi.spyOn(credentialsRepository, 'findLiveSession').mockImplementation((...args) => {
      calls.push('session');
      return lookup(...args);
    });
    return calls;
  };
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('starts the search first only once the session was accepted for a search', async () => {
    const member = await scene.server.signUp(scene.admin, 'member');
    const calls = recordCalls();
    await searchAs(member, 'q=pool');
    expect(calls).toEqual(['session', 'search']);
    calls.length = 0;
    await searchAs(member, 'q=pool');
    expect(calls).toEqual(beside ? ['search', 'session'] : ['session', 'search']);
  });

  it('runs no search for a session signed out, nor again after a refusal', async () => {
    const member = await scene.server.signUp(scene.admin, 'member');
    await searchAs(member, 'q=pool');
    await searchAs(member, 'q=pool');
    await member.delete('/api/v1/auth/sessions/current');
    const calls = recordCalls();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect((await member.get('/api/v1/search?q=pool')).statusCode).toBe(401);
    }
    expect(calls).toEqual(['session', 'session']);
  });

  it('starts one search, not one each, for a burst with a token revoked elsewhere', async () => {
    const member = await scene.server.signUp(scene.admin, 'member');
    const created = await member.post('/api/v1/tokens', { name: 'search script' });
    expect(created.statusCode, created.body).toBe(201);
    const script = tokenClient(scene.server.app, member.user, created.json().data.token);
    await searchAs(script, 'q=pool');
    await searchAs(script, 'q=pool');
    // Revoked where this server does not see it (another instance, say).
    await scene.server.handle.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(apiTokens.id, created.json().data.id));
    const calls = recordCalls();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => script.get('/api/v1/search?q=pool')),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(6).fill(401));
    expect(calls.filter((call) => call === 'search').length).toBe(beside ? 1 : 0);
    calls.length = 0;
    expect((await script.get('/api/v1/search?q=pool')).statusCode).toBe(401);
    expect(calls).not.toContain('search');
  });

  it('runs no search for an account disabled or a token revoked through this server', async () => {
    const member = await scene.server.signUp(scene.admin, 'member');
    const created = await member.post('/api/v1/tokens', { name: 'search script' });
    const script = tokenClient(scene.server.app, member.user, created.json().data.token);
    for (const client of [member, script, member, script]) {
      await searchAs(client, 'q=pool');
    }
    expect((await member.delete(`/api/v1/tokens/${created.json().data.id}`)).statusCode).toBe(204);
    const calls = recordCalls();
    expect((await script.get('/api/v1/search?q=pool')).statusCode).toBe(401);
    expect(calls).not.toContain('search');
    await searchAs(member, 'q=pool');
    const disabled = await scene.admin.patch(`/api/v1/users/${member.user.id}`, {
      disabled: true,
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    calls.length = 0;
    expect((await member.get('/api/v1/search?q=pool')).statusCode).toBe(401);
    expect(calls).toEqual(['session']);
  });

  it('runs no search for the other sessions of someone who signed out everywhere', async () => {
    const member = await scene.server.signUp(scene.admin, 'member');
    const laptop = await scene.server.signIn(member.user.email);
    for (const client of [member, laptop, member, laptop]) {
      await searchAs(client, 'q=pool');
    }
    const signedOut = await member.delete('/api/v1/auth/sessions');
    expect(signedOut.statusCode, signedOut.body).toBe(200);
    const calls = recordCalls();
    expect((await laptop.get('/api/v1/search?q=pool')).statusCode).toBe(401);
    expect(calls).toEqual(['session']);
  });

  it('runs no search for the sessions a password reset ended', async () => {
    const member = await scene.server.signUp(scene.admin, 'member');
    await searchAs(member, 'q=pool');
    await searchAs(member, 'q=pool');
    const issued = await scene.admin.post(`/api/v1/users/${member.user.id}/password-reset`);
    expect(issued.statusCode, issued.body).toBe(201);
    const redeemed = await scene.server.anonymous.post('/api/v1/password-resets', {
      token: issued.json().data.token,
      password: 'a new and longer passphrase',
    });
    expect(redeemed.statusCode, redeemed.body).toBe(204);
    const calls = recordCalls();
    expect((await member.get('/api/v1/search?q=pool')).statusCode).toBe(401);
    expect(calls).toEqual(['session']);
  });

  it('runs no search for a token without the read scope, however often it is used', async () => {
    const member = await scene.server.signUp(scene.admin, 'member');
    const created = await member.post('/api/v1/tokens', { name: 'writer', scopes: ['write'] });
    expect(created.statusCode, created.body).toBe(201);
    const writer = tokenClient(scene.server.app, member.user, created.json().data.token);
    // Accepted for a write first: that does not make it a searcher's credential.
    const view = await writer.post('/api/v1/search/views', { name: 'pool', q: 'pool' });
    expect(view.statusCode, view.body).toBe(201);
    const calls = recordCalls();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await writer.get('/api/v1/search?q=pool')).statusCode).toBe(403);
    }
    expect(calls).not.toContain('search');
  });

  it('answers a refusal without waiting for the search it started', async () => {
    const member = await scene.server.signUp(scene.admin, 'member');
    await searchAs(member, 'q=pool');
    await member.delete('/api/v1/auth/sessions/current');
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const search = searchRepository.search.bind(searchRepository);
    vi.spyOn(searchRepository, 'search').mockImplementation(async (...args) => {
      await held;
      return search(...args);
    });
    try {
      const answered = await Promise.race([
        member.get('/api/v1/search?q=pool').then((response) => response.statusCode),
        new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
      ]);
      expect(answered).toBe(401);
    } finally {
      release();
    }
  });

  it('answers a refusal on a route marked to read beside the check that never asked for it', async () => {
    const server = await startTestServer(kind);
    try {
      // Reads that ignore `actingAs`: their answers must still wait for, and follow, the check.
      server.app.get(
        '/api/v1/read-beside-check/object',
        { config: { authenticateAlongside: true } },
        async () => ({ found: 'the quokkaseal key' }),
      );
      server.app.get(
        '/api/v1/read-beside-check/text',
        { config: { authenticateAlongside: true } },
        async (_request, reply) => reply.type('text/plain').send('the quokkaseal key'),
      );
      server.app.get(
        '/api/v1/read-beside-check/missing',
        { config: { authenticateAlongside: true } },
        async (_request, reply) =>
          reply.code(404).header('etag', '"7"').send({ detail: 'quokkaseal not found' }),
      );
      const admin = await server.setUpAdmin();
      for (const end of ['object', 'text', 'missing']) {
        const path = `/api/v1/read-beside-check/${end}`;
        const member = await server.signUp(admin, 'member');
        expect((await member.get(path)).body).toContain('quokkaseal');
        // Ended without the server forgetting the session: the account disabled in the table.
        await server.handle.db
          .update(users)
          .set({ disabled: true })
          .where(eq(users.id, member.user.id));
        const refused = await member.get(path);
        expect(refused.statusCode, path).toBe(401);
        expect(refused.body).not.toContain('quokkaseal');
        expect(refused.headers.etag).toBeUndefined();
      }
    } finally {
      await server.close();
    }
  });

  it('refuses to mark a route that writes as reading beside the check', async () => {
    const server = await startTestServer(kind);
    try {
      expect(() =>
        server.app.post(
          '/api/v1/write-beside-check',
          { config: { authenticateAlongside: true } },
          async () => ({}),
        ),
      ).toThrow(/only a GET/);
    } finally {
      await server.close();
    }
  });
});
