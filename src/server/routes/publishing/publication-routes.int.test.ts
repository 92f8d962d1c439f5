import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  lightPolicy,
  postmortemInFollowUp,
} from '../../../../test/http/postmortem-in-follow-up.ts';
import { startTeamServer } from '../../../../test/http/team-server.ts';
import {
  type ApiClient,
  incidentBody,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { defaultPolicy } from '../../../domain/policy.ts';

/**
 * Publishing an ordinary postmortem, inside and outside. The internal version names a person
 * and internal systems; the public one must name none of them, and must not move when the
 * postmortem is edited after its approval.
 */
const secret = 'OSPREY-2231';
const named = [
  'Kenji',
  'Tanaka',
  'kenji.t',
  'db-7.payments.corp.example.com',
  '10.4.2.17',
  'grafana.corp.example.com',
  'oncall@corp.example.com',
  'ghp_abcdefghijklmnopqrstuvwx',
  secret,
];

describeEachDatabase('publishing a postmortem inside and outside', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  let viewer: ApiClient;
  let postmortemId: string;
  let base: string;
  const version = async () => (await member.get(base)).json().data.version as number;

  beforeAll(async () => {
    ({ server, admin, member, viewer } = await startTeamServer(kind, {
      ...lightPolicy,
      publishing: {
        ...(defaultPolicy.publishing ?? { publicApprovers: [] }),
        redaction: {
          internalDomains: ['corp.example.com'],
          internalHostSuffixes: ['.internal'],
          ipAddresses: true,
          emails: true,
          tokens: true,
          patterns: [],
        },
        publicApprovers: [],
      },
    }));
    const pm = await postmortemInFollowUp(member);
    postmortemId = pm.postmortemId;
    base = `/api/v1/postmortems/${postmortemId}`;
    expect(
      (await member.post(`${base}/participants`, { name: 'Kenji Tanaka', role: 'engineering' }))
        .statusCode,
    ).toBe(201);
    await member.post(`${base}/timeline-events`, {
      occurredAt: '2026-11-16T10:20:00Z',
      text: 'kenji.t restarted db-7.payments.corp.example.com (10.4.2.17)',
      kind: 'action',
    });
    const patched = await member.patch(
      base,
      {
        sections: {
          summary:
            'Kenji Tanaka saw the pool on db-7.payments.corp.example.com run dry; dashboards at https://grafana.corp.example.com/d/pool. Mail oncall@corp.example.com.',
          impact:
            'Checkout was slow for forty minutes; the token ghp_abcdefghijklmnopqrstuvwx was rotated.',
          security_details: `Indicators: ${secret}.`,
        },
      },
      await version(),
    );
    expect(patched.statusCode).toBe(200);
    expect(
      (
        await member.post(`${base}/restricted-sections`, {
          key: 'security_details',
          memberIds: [member.user.id],
        })
      ).statusCode,
    ).toBe(201);
  });
  afterAll(() => server.close());

  it('was published internally on reaching follow-up, readable by a viewer', async () => {
    const feed = (await viewer.get('/api/v1/publications')).json().data;
    expect(feed).toEqual([expect.objectContaining({ postmortemId })]);
    const page = await viewer.get(feed[0].url);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('re-publishes internally with the current text, never a restricted section', async () => {
    const published = await member.post(`${base}/internal-publication`);
    expect(published.statusCode).toBe(201);
    const page = await viewer.get(published.json().data.url);
    expect(page.body).toContain('Kenji Tanaka');
    expect(page.body).not.toContain(secret);
    const atom = await viewer.get('/api/v1/feeds/postmortems.atom');
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(atom.body).toContain('<entry>');
    expect(atom.body).not.toContain(secret);
    expect((await server.anonymous.get('/api/v1/feeds/postmortems.atom')).statusCode).toBe(401);
  });

  it('previews the public version with each redaction listed and highlighted', async () => {
    const prepared = await member.post(`${base}/public-version`);
    expect(prepared.statusCode).toBe(201);
    const { draft, published, approvalRefusals } = prepared.json().data;
    expect(published).toBeNull();
    expect(new Set(draft.redactions.map((r: { kind: string }) => r.kind))).toEqual(
      new Set(['person', 'hostname', 'internal_url', 'email', 'ip_address', 'token']),
    );
    expect(draft.previewHtml).toContain('<mark class="redaction" data-kind="person">');
    for (const text of named) {
      expect(draft.previewHtml).not.toContain(text);
    }
    // A member is not a named approver (the policy names none: admins approve).
    expect(approvalRefusals.map((r: { code: string }) => r.code)).toEqual(['NOT_A_NAMED_APPROVER']);
    const refused = await member.post(`${base}/public-version/approval`, undefined, draft.version);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('PUBLICATION_REFUSED');
    expect((await server.anonymous.get('/public/postmortems.atom')).body).not.toContain('<entry>');
  });

  it('once approved, shows no name, internal host or secret on its page and in its feed entry', async () => {
    const state = (await admin.get(`${base}/public-version`)).json().data;
    const approved = await admin.post(
      `${base}/public-version/approval`,
      undefined,
      state.draft.version,
    );
    expect(approved.statusCode).toBe(200);
    const { published, draft } = approved.json().data;
    expect(draft).toBeNull();
    expect(published.approvedById).toBe(admin.user.id);

    const page = await server.anonymous.get(published.url);
    expect(page.statusCode).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['cache-control']).toContain('public');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).not.toContain('script-src');
    expect(page.body).toContain('an engineer');
    expect(page.body).toContain('Checkout was slow for forty minutes');
    const feed = await server.anonymous.get('/public/postmortems.atom');
    expect(feed.body).toContain(published.url);
    for (const text of named) {
      expect(page.body).not.toContain(text);
      expect(feed.body).not.toContain(text);
    }
    const again = await server.anonymous.request({
      method: 'GET',
      url: published.url,
      headers: { 'if-none-match': page.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });

  it('does not change when the postmortem is edited after approval, until re-approved', async () => {
    const state = (await admin.get(`${base}/public-version`)).json().data;
    const before = await server.anonymous.get(state.published.url);
    const edited = await member.patch(
      base,
      { sections: { impact: 'Checkout was slow for forty-one minutes.' } },
      await version(),
    );
    expect(edited.statusCode).toBe(200);
    const after = await server.anonymous.get(state.published.url);
    expect(after.body).toBe(before.body);
    expect((await admin.get(`${base}/public-version`)).json().data.published.stale).toBe(true);

    const draft = (await member.post(`${base}/public-version`)).json().data.draft;
    expect((await server.anonymous.get(state.published.url)).body).toBe(before.body);
    await admin.post(`${base}/public-version/approval`, undefined, draft.version);
    const reapproved = await server.anonymous.get(state.published.url);
    expect(reapproved.body).toContain('forty-one minutes');
    expect(reapproved.headers.etag).not.toBe(before.headers.etag);
  });

  it('is withdrawn by an admin and then answers 404', async () => {
    const state = (await admin.get(`${base}/public-version`)).json().data;
    expect((await admin.delete(`${base}/public-version`, state.published.version)).statusCode).toBe(
      204,
    );
    expect((await server.anonymous.get(state.published.url)).statusCode).toBe(404);
  });

  it('does not publish a restricted review on reaching follow-up; a member may, its summary', async () => {
    const restricted = await postmortemInFollowUp(
      member,
      {},
      {
        title: 'Payroll export delayed',
        restricted: true,
        memberIds: [member.user.id],
      },
    );
    const feed = (await viewer.get('/api/v1/publications')).json().data;
    expect(feed.map((e: { postmortemId: string }) => e.postmortemId)).not.toContain(
      restricted.postmortemId,
    );
    expect(
      (await member.post(`/api/v1/postmortems/${restricted.postmortemId}/internal-publication`))
        .statusCode,
    ).toBe(201);
    const page = await viewer.get((await viewer.get('/api/v1/publications')).json().data[0].url);
    expect(page.body).not.toContain('Checkout latency alert fired');
  });

  it('refuses publishing before follow-up, listing why', async () => {
    const incident = (await member.post('/api/v1/incidents', incidentBody())).json().data;
    const early = (await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json()
      .data;
    const response = await member.post(`/api/v1/postmortems/${early.id}/internal-publication`);
    expect(response.statusCode).toBe(409);
    expect(response.json().details.unmet.map((r: { code: string }) => r.code)).toEqual([
      'PHASE_TOO_EARLY',
    ]);
    expect(
      (await viewer.post(`/api/v1/postmortems/${early.id}/internal-publication`)).statusCode,
    ).toBe(403);
  });

  it('deletes a postmortem without legal hold (admins), with If-Match', async () => {
    const incident = (await member.post('/api/v1/incidents', incidentBody())).json().data;
    const pm = (await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json()
      .data;
    expect((await member.delete(`/api/v1/postmortems/${pm.id}`, pm.version)).statusCode).toBe(403);
    expect((await admin.delete(`/api/v1/postmortems/${pm.id}`)).statusCode).toBe(428);
    expect((await admin.delete(`/api/v1/postmortems/${pm.id}`, pm.version)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/postmortems/${pm.id}`)).statusCode).toBe(404);
  });

  it('cuts a long summary in its feed entry after a whole word, never inside an emoji', async () => {
    const pm = await postmortemInFollowUp(member);
    const at = `/api/v1/postmortems/${pm.postmortemId}`;
    // 398 code units of words, then an emoji across the 400 of a feed summary: half of it
    // alone is no text PostgreSQL stores in a JSON document.
    const lead = `${'The replica fell behind while the pool drained. '.repeat(8)}Pagers fired: `;
    const summary = `${lead}🔥🔥 twice before the rollback.`;
    const current = (await member.get(at)).json().data.version as number;
    expect((await member.patch(at, { sections: { summary } }, current)).statusCode).toBe(200);
    const published = await member.post(`${at}/internal-publication`);
    expect(published.statusCode).toBe(201);
    expect(published.json().data.summary).toBe(`${lead.trimEnd()}…`);
    const feed = (await viewer.get('/api/v1/publications')).json().data;
    expect(
      feed.find((e: { postmortemId: string }) => e.postmortemId === pm.postmortemId)?.summary,
    ).toBe(`${lead.trimEnd()}…`);
  });
});
