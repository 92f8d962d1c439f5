import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { searchAs, startSearchScene } from '../../../../test/http/search-scene.ts';
import { startSuiteScene } from '../../../../test/http/start-suite-scene.ts';
import { type ApiClient, tokenClient } from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { users } from '../../../storage/schema.ts';

// A search starts as the account its credential belonged to when last accepted, beside the
// credential's check (`authenticateAlongside`). Whatever the check finds since — a session
// ended, idle or expired, an account disabled or given another role, a token revoked or
// lacking the scope — is answered as if the check had run first: no hit ever leaves.
describeEachDatabase('search: the credential checked alongside the search', (kind) => {
  const scene = startSuiteScene(() => startSearchScene(kind));

  const newMember = async () => {
    const member = await scene.server.signUp(scene.admin, 'member');
    // The first search is checked before it starts; from the second the two run together.
    expect((await searchAs(member, 'q=pool')).page.total).toBeGreaterThan(0);
    return member;
  };
  const expectRefused = async (client: ApiClient, query: string, code: string) => {
    const response = await client.get(`/api/v1/search?${query}`);
    expect(response.statusCode, response.body).toBe(code === 'FORBIDDEN' ? 403 : 401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe(code);
    expect(response.body).not.toContain('pool');
  };

  it('answers a searcher whose session was accepted before as on the first search', async () => {
    const member = await newMember();
    const again = await searchAs(member, 'q=pool');
    expect(again.page.total).toBe((await searchAs(scene.author, 'q=pool')).page.total);
  });

  it('refuses a session ended since, and does not search for it again', async () => {
    const member = await newMember();
    const signedOut = await member.delete('/api/v1/auth/sessions/current');
    expect(signedOut.statusCode).toBe(204);
    await expectRefused(member, 'q=pool', 'UNAUTHENTICATED');
    await expectRefused(member, 'q=pool', 'UNAUTHENTICATED');
  });

  it('refuses a session whose account was disabled since, by the admin or in the table', async () => {
    const byAdmin = await newMember();
    const disabled = await scene.admin.patch(`/api/v1/users/${byAdmin.user.id}`, {
      disabled: true,
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    await expectRefused(byAdmin, 'q=pool', 'UNAUTHENTICATED');

    // The session itself still live: the account's state alone must refuse it.
    const inTable = await newMember();
    await scene.server.handle.db
      .update(users)
      .set({ disabled: true })
      .where(eq(users.id, inTable.user.id));
    await expectRefused(inTable, 'q=pool', 'UNAUTHENTICATED');
  });

  it('refuses a session idle past the timeout, and ends it', async () => {
    const member = await newMember();
    scene.server.setNow('2026-11-21T12:00:00Z');
    try {
      await expectRefused(member, 'q=pool', 'UNAUTHENTICATED');
      await expectRefused(member, 'q=pool', 'UNAUTHENTICATED');
    } finally {
      scene.server.setNow('2026-11-20T12:00:00Z');
    }
  });

  it('searches again as the account is now when its role changed since', async () => {
    const member = await newMember();
    expect((await searchAs(member, 'q=quokkaseal')).page.total).toBe(0);
    const promote = await scene.admin.patch(`/api/v1/users/${member.user.id}`, { role: 'admin' });
    expect(promote.statusCode, promote.body).toBe(200);
    expect((await searchAs(member, 'q=quokkaseal')).data.map((h) => h.postmortemId)).toEqual([
      scene.ids.secret,
    ]);
    // Presumed an admin, now a member again: the admin's hits must not be what it gets.
    const demote = await scene.admin.patch(`/api/v1/users/${member.user.id}`, { role: 'member' });
    expect(demote.statusCode, demote.body).toBe(200);
    const after = await searchAs(member, 'q=quokkaseal');
    expect(after.data).toEqual([]);
    expect(after.page.total).toBe(0);
    expect(JSON.stringify(after)).not.toContain('quokkaseal key');
  });

  it('answers a refused session before a request it could not have made (401 before 400)', async () => {
    const member = await newMember();
    const invalid = await member.get('/api/v1/search?q=pool&severity=sev9');
    expect(invalid.statusCode, invalid.body).toBe(400);
    expect(invalid.json().code).toBe('VALIDATION_FAILED');
    await member.delete('/api/v1/auth/sessions/current');
    await expectRefused(member, 'q=pool&severity=sev9', 'UNAUTHENTICATED');
    await expectRefused(member, 'q=pool%00', 'UNAUTHENTICATED');
  });

  it('refuses an API token revoked since, or one without the read scope', async () => {
    const member = await newMember();
    const created = await member.post('/api/v1/tokens', { name: 'search script' });
    expect(created.statusCode, created.body).toBe(201);
    const script = tokenClient(scene.server.app, member.user, created.json().data.token);
    expect((await searchAs(script, 'q=pool')).page.total).toBeGreaterThan(0);
    expect((await searchAs(script, 'q=pool')).page.total).toBeGreaterThan(0);
    const revoked = await member.delete(`/api/v1/tokens/${created.json().data.id}`);
    expect(revoked.statusCode, revoked.body).toBe(204);
    await expectRefused(script, 'q=pool', 'UNAUTHENTICATED');

    // Accepted for a write, then sent to the search, which needs the read scope.
    const writeOnly = await member.post('/api/v1/tokens', { name: 'writer', scopes: ['write'] });
    expect(writeOnly.statusCode, writeOnly.body).toBe(201);
    const writer = tokenClient(scene.server.app, member.user, writeOnly.json().data.token);
    const view = await writer.post('/api/v1/search/views', {
      name: 'pool',
      q: 'pool',
      filters: {},
      shared: false,
    });
    expect(view.statusCode, view.body).toBe(201);
    await expectRefused(writer, 'q=pool', 'FORBIDDEN');
  });
});
