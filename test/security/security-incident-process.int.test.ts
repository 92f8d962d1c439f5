import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lightPolicy } from '../http/postmortem-in-follow-up.ts';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../http/test-server.ts';
import { queryRows, testDatabaseKinds } from '../support/test-database.ts';

/**
 * The modified process for a security incident, end to end through the API: its own template,
 * the details restricted from the start, a legal hold that blocks deletion and keeps every
 * revision, no publication — inside or outside — before the security and legal reviews approve,
 * and then only the learning summary.
 */
const kind = testDatabaseKinds[testDatabaseKinds.length - 1] ?? 'pglite';
const secret = 'HARRIER-0917';
const password = 'correct horse battery staple';

const expectStatus = <R extends { statusCode: number; body: string }>(
  response: R,
  status: number,
) => {
  expect(response.statusCode, response.body).toBe(status);
  return response;
};

describe(`a security incident's postmortem follows the modified process [${kind}]`, () => {
  let server: TestServer;
  let admin: ApiClient;
  let author: ApiClient;
  let securityLead: ApiClient;
  let counsel: ApiClient;
  let colleague: ApiClient;
  let base: string;
  let postmortemId: string;
  let incidentId: string;
  const version = async () => (await author.get(base)).json().data.version as number;
  const advance = async (to: string) =>
    expectStatus(await author.post(`${base}/transitions`, { to }, await version()), 200);

  const account = async (email: string, role: 'member' | 'admin') => {
    expectStatus(
      await admin.post('/api/v1/users', { email, name: email.split('@')[0], password, role }),
      201,
    );
    return server.signIn(email);
  };

  beforeAll(async () => {
    server = await startTestServer(kind, {
      ...lightPolicy,
      reviewTeams: { security: ['security-lead@example.com'], legal: ['counsel@example.com'] },
    });
    admin = await server.setUpAdmin();
    author = await server.signUp(admin, 'member');
    colleague = await server.signUp(admin, 'member');
    securityLead = await account('security-lead@example.com', 'member');
    counsel = await account('counsel@example.com', 'member');

    const incident = (
      await author.post(
        '/api/v1/incidents',
        incidentBody({ title: 'Token exposed in build logs', kind: 'security' }),
      )
    ).json().data;
    const pm = expectStatus(
      await author.post('/api/v1/postmortems', {
        incidentIds: [incident.id],
        memberIds: [colleague.user.id],
      }),
      201,
    ).json().data;
    postmortemId = pm.id;
    incidentId = incident.id;
    base = `/api/v1/postmortems/${pm.id}`;
  });
  afterAll(() => server.close());

  it('opens with its own template, the details restricted and a legal hold', async () => {
    // The security and legal reviewers are members of the (restricted) review from the start.
    expect((await author.get(base)).json().data.memberIds).toEqual(
      expect.arrayContaining([securityLead.user.id, counsel.user.id]),
    );
    expect((await securityLead.get(base)).statusCode).toBe(200);
    // The web app's report form and restrict control offer the template's own sections.
    expect(
      (await author.get(base)).json().data.reportSections.map((s: { key: string }) => s.key),
    ).toEqual(['learning_summary', 'impact', 'security_details']);
    const restricted = (await author.get(`${base}/restricted-sections`)).json().data;
    expect(restricted).toEqual([
      expect.objectContaining({
        key: 'security_details',
        readable: true,
        memberIds: expect.arrayContaining([author.user.id, securityLead.user.id, counsel.user.id]),
      }),
    ]);
    const hold = (await author.get(`${base}/legal-hold`)).json().data;
    expect(hold.hold).toEqual(expect.objectContaining({ placedById: author.user.id }));
    const draft = await author.get(`${base}/export?format=md`);
    expect(draft.body).toContain('## Learning summary');
  });

  it('walks to follow-up with the learning summary open and the details restricted', async () => {
    await author.post(`${base}/timeline-events`, {
      occurredAt: '2026-11-16T10:05:00Z',
      text: 'Secret scanner flags a token in a build log',
      kind: 'detection',
    });
    await advance('analysis');
    const cause = (
      await author.post(`${base}/contributing-factors`, {
        description: 'Build logs echo environment variables',
        category: 'tooling_ui',
        isRootCause: true,
      })
    ).json().data;
    expectStatus(
      await author.patch(base, { analysisMeetingAt: '2026-11-18T15:00:00Z' }, await version()),
      200,
    );
    await advance('documentation');
    await author.post(`${base}/action-items`, {
      title: 'Mask secrets in build logs',
      kind: 'prevent',
      ownerName: 'Build team',
      successCriterion: 'No secret pattern in a week of logs',
      linkedFactorIds: [cause.id],
    });
    // Required by the security template: refused until written.
    const refused = await author.post(`${base}/transitions`, { to: 'follow_up' }, await version());
    expect(refused.json().details.unmet.map((u: { code: string }) => u.code)).toContain(
      'REPORT_SECTION_MISSING',
    );
    expectStatus(
      await author.patch(
        base,
        {
          sections: {
            learning_summary: 'Build logs can carry secrets; we now mask them before storage.',
            impact: 'One deploy token was valid for two hours.',
            security_details: `The token prefix was ${secret}; it was used from one address.`,
          },
        },
        await version(),
      ),
      200,
    );
    await advance('follow_up');
  });

  it('is not published internally on reaching follow-up, nor on request, before both reviews', async () => {
    expect((await colleague.get('/api/v1/publications')).json().data).toEqual([]);
    const refused = await author.post(`${base}/internal-publication`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('PUBLICATION_REFUSED');
    expect(refused.json().details.unmet.map((u: { role?: string }) => u.role)).toEqual([
      'security',
      'legal',
    ]);
  });

  it('has no public version before both reviews either', async () => {
    const preview = expectStatus(await author.post(`${base}/public-version`), 201).json().data;
    expect(preview.draft.previewHtml).not.toContain(secret);
    const refused = await admin.post(
      `${base}/public-version/approval`,
      undefined,
      preview.draft.version,
    );
    expect(refused.statusCode).toBe(409);
    expect(
      refused.json().details.unmet.map((u: { code: string; role?: string }) => u.role ?? u.code),
    ).toEqual(['security', 'legal', 'NOT_PUBLISHED_INTERNALLY']);
    expect((await server.anonymous.get('/public/postmortems.atom')).body).not.toContain('<entry>');
  });

  it('stays under the process when its incident is reclassified and opened to everyone', async () => {
    const incident = `/api/v1/incidents/${incidentId}`;
    const read = async () => (await author.get(incident)).json().data;
    expectStatus(await author.patch(incident, { kind: 'outage' }, (await read()).version), 200);
    expectStatus(await admin.patch(incident, { restricted: false }, (await read()).version), 200);
    expect(await read()).toEqual(expect.objectContaining({ kind: 'outage', restricted: false }));

    const inside = await author.post(`${base}/internal-publication`);
    expect(inside.statusCode).toBe(409);
    expect(inside.json().details.unmet.map((u: { role?: string }) => u.role)).toEqual([
      'security',
      'legal',
    ]);
    const preview = expectStatus(await author.post(`${base}/public-version`), 201).json().data;
    const outside = await admin.post(
      `${base}/public-version/approval`,
      undefined,
      preview.draft.version,
    );
    expect(outside.statusCode).toBe(409);
    expect(
      outside.json().details.unmet.map((u: { code: string; role?: string }) => u.role ?? u.code),
    ).toEqual(['security', 'legal', 'NOT_PUBLISHED_INTERNALLY']);
    expect((await colleague.get('/api/v1/publications')).json().data).toEqual([]);
  });

  // Runs on the reclassified, open incident: what is published is still the learning summary.
  it('publishes only after security AND legal approved, and then only the learning summary', async () => {
    const request = async (team: string) =>
      expectStatus(await author.post(`${base}/reviews`, { team, role: team }), 201).json().data;
    const decide = async (client: ApiClient, review: { id: string; version: number }) =>
      expectStatus(
        await client.post(
          `/api/v1/reviews/${review.id}/decision`,
          { decision: 'approved', comment: 'Checked.' },
          review.version,
        ),
        200,
      );
    const security = await request('security');
    const legal = await request('legal');
    await decide(securityLead, security);
    const stillRefused = await author.post(`${base}/internal-publication`);
    expect(stillRefused.json().details.unmet.map((u: { role?: string }) => u.role)).toEqual([
      'legal',
    ]);
    await decide(counsel, legal);

    const published = expectStatus(await author.post(`${base}/internal-publication`), 201).json()
      .data;
    const page = (await colleague.get(published.url)).body;
    expect(page).toContain('Build logs can carry secrets');
    expect(page).not.toContain(secret);
    expect(page).not.toContain('Secret scanner flags a token');
    expect(page).not.toContain('Mask secrets in build logs');

    const preview = expectStatus(await author.post(`${base}/public-version`), 201).json().data;
    const approved = expectStatus(
      await admin.post(`${base}/public-version/approval`, undefined, preview.draft.version),
      200,
    ).json().data;
    const publicPage = (await server.anonymous.get(approved.published.url)).body;
    expect(publicPage).toContain('Build logs can carry secrets');
    expect(publicPage).not.toContain(secret);
    expect(publicPage).not.toContain('Secret scanner flags a token');
  });

  it('cannot be deleted while on legal hold, not even by an admin', async () => {
    const refused = await admin.delete(base, await version());
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('LEGAL_HOLD');
    expect((await admin.get(base)).statusCode).toBe(200);
    // The database refuses it too, whatever path would try.
    await expect(
      server.handle.db.execute(sql`delete from postmortems where id = ${postmortemId}`),
    ).rejects.toThrow();
  });

  it('keeps every earlier revision of the postmortem and its parts under the hold', async () => {
    const rows = await queryRows<{ table_name: string; operation: string; row: { body?: string } }>(
      server.handle,
      sql`select table_name, operation, "row" from legal_hold_revisions where postmortem_id = ${postmortemId} order by id`,
    );
    const tables = new Set(rows.map((r) => r.table_name));
    expect([...tables]).toEqual(expect.arrayContaining(['postmortems', 'restricted_sections']));
    // The empty details section, before its text was written, is one of the kept revisions.
    expect(rows.some((r) => r.table_name === 'restricted_sections' && r.row.body === '')).toBe(
      true,
    );
    const hold = (await author.get(`${base}/legal-hold`)).json().data;
    expect(hold.keptRevisions).toBe(rows.length);
    expect(hold.keptRevisions).toBeGreaterThan(5);
  });

  it('can be deleted once an admin lifts the hold (with a reason), and not before', async () => {
    expect(
      (await author.delete(`${base}/legal-hold?reason=${encodeURIComponent('Case closed')}`))
        .statusCode,
    ).toBe(403);
    expect(
      (await admin.delete(`${base}/legal-hold?reason=${encodeURIComponent('Case closed')}`))
        .statusCode,
    ).toBe(204);
    expect((await admin.delete(base, await version())).statusCode).toBe(204);
    // What the hold kept outlives the postmortem.
    const [kept] = await queryRows<{ n: number }>(
      server.handle,
      sql`select count(*)::int as n from legal_hold_revisions where postmortem_id = ${postmortemId}`,
    );
    expect(kept?.n).toBeGreaterThan(5);
  });
});
