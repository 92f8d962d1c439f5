import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer } from '../../../../test/http/team-server.ts';
import {
  type ApiClient,
  incidentBody,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { auditEvents, incidents } from '../../../storage/schema.ts';

describeEachDatabase('incident routes', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    ({ server, admin, member, viewer } = await startTeamServer(kind));
  });
  afterAll(() => server.close());

  const incidentCount = async () =>
    (await server.handle.db.select({ n: count() }).from(incidents))[0]?.n ?? 0;

  it('refuses unauthenticated callers with 401 problem+json', async () => {
    const response = await server.anonymous.get('/api/v1/incidents');
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('forbids viewers from creating incidents', async () => {
    const response = await viewer.post('/api/v1/incidents', incidentBody());
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
  });

  it('reports every validation issue at once and writes nothing', async () => {
    const before = await incidentCount();
    const response = await member.post('/api/v1/incidents', {
      title: 42,
      kind: 'meteor',
      severity: 'sev9',
      unknown: true,
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.kind', 'body.severity']));
    expect(body.errors.length).toBeGreaterThanOrEqual(4);
    expect(typeof body.requestId).toBe('string');
    expect(await incidentCount()).toBe(before);
  });

  it('answers malformed JSON with 400 and oversized bodies with 413, writing nothing', async () => {
    const before = await incidentCount();
    const malformed = await member.request({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": "x",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('MALFORMED_REQUEST');
    const huge = await member.post(
      '/api/v1/incidents',
      incidentBody({ summary: 'x'.repeat(1_100_000) }),
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(await incidentCount()).toBe(before);
  });

  it('refuses key instants out of order with 422 listing each', async () => {
    const response = await member.post(
      '/api/v1/incidents',
      incidentBody({
        instants: {
          started_at: { at: '2026-11-16T10:00:00Z' },
          detected_at: { at: '2026-11-16T09:00:00Z' },
          resolved_at: { at: '2026-11-16T08:00:00Z' },
        },
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('INVARIANT_VIOLATED');
    expect(response.json().errors.length).toBeGreaterThanOrEqual(2);
  });

  it('creates an incident with provenance, derives its status and records the audit event', async () => {
    const response = await member.post(
      '/api/v1/incidents',
      incidentBody({
        instants: {
          started_at: { at: '2026-11-16T10:00:00+01:00', source: 'metric', precision: 'estimated' },
          resolved_at: { at: '2026-11-16T11:00:00Z' },
        },
      }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const { data, abilities } = response.json();
    expect(data).toMatchObject({
      kind: 'outage',
      severity: 'sev2',
      status: 'resolved',
      postmortemRequired: true,
      restricted: false,
    });
    expect(data.instants.started_at).toEqual({
      at: '2026-11-16T09:00:00.000Z',
      source: 'metric',
      precision: 'estimated',
    });
    expect(abilities).toMatchObject({ update: true, openPostmortem: true });
    const audit = await server.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, data.id));
    expect(audit.map((a) => a.action)).toEqual(['incident.created']);
  });

  it('requires a near miss to name its potential severity', async () => {
    const response = await member.post('/api/v1/incidents', incidentBody({ kind: 'near_miss' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.potentialSeverity');
  });

  it('updates with If-Match: 428 without it, 412 when stale, 200 with the new ETag', async () => {
    const created = (
      await member.post('/api/v1/incidents', incidentBody({ title: 'To edit' }))
    ).json().data;
    const url = `/api/v1/incidents/${created.id}`;
    const missing = await member.patch(url, { title: 'No precondition' });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().code).toBe('PRECONDITION_REQUIRED');
    const ok = await member.patch(
      url,
      { title: 'Edited', instants: { mitigated_at: { at: '2026-11-16T10:30:00Z' } } },
      1,
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json().data).toMatchObject({ title: 'Edited', version: 2 });
    expect(ok.json().data.instants.mitigated_at.at).toBe('2026-11-16T10:30:00.000Z');
    const stale = await member.patch(url, { title: 'Lost update' }, 1);
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({
      code: 'VERSION_MISMATCH',
      details: { currentVersion: 2 },
    });
    expect((await member.get(url)).json().data.title).toBe('Edited');
  });

  it('404s an unknown incident and 400s a malformed id', async () => {
    expect(
      (await member.get('/api/v1/incidents/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
    expect((await member.get('/api/v1/incidents/not-a-uuid')).statusCode).toBe(400);
  });

  describe('filters and paging', () => {
    beforeAll(async () => {
      await member.post(
        '/api/v1/incidents',
        incidentBody({
          title: 'F-sec3 search',
          severity: 'sev3',
          services: ['search'],
          instants: { started_at: { at: '2026-10-01T10:00:00Z' } },
        }),
      );
      await member.post(
        '/api/v1/incidents',
        incidentBody({
          title: 'F-degradation',
          kind: 'degradation',
          severity: 'sev4',
          services: ['billing'],
          instants: { started_at: { at: '2026-10-05T10:00:00Z' } },
        }),
      );
      await member.post(
        '/api/v1/incidents',
        incidentBody({
          title: 'F-drill',
          isDrill: true,
          services: ['billing'],
          instants: { started_at: { at: '2026-10-07T10:00:00Z' } },
        }),
      );
    });

    const titles = async (query: string) =>
      (await member.get(`/api/v1/incidents?${query}`))
        .json()
        .data.map((i: { data: { title: string } }) => i.data.title);

    it('filters by kind, severity, service, status, date range, drill flag and text', async () => {
      expect(await titles('kind=degradation')).toEqual(['F-degradation']);
      expect(await titles('severity=sev3,sev4')).toEqual(['F-degradation', 'F-sec3 search']);
      expect(await titles('service=billing&isDrill=false')).toEqual(['F-degradation']);
      expect(await titles('from=2026-10-02&to=2026-10-06')).toEqual(['F-degradation']);
      expect(await titles('status=open&q=F-deg')).toEqual(['F-degradation']);
      expect(await titles('status=resolved&q=F-')).toEqual([]);
      expect(await titles('q=F-drill')).toEqual(['F-drill']);
    });

    it('rejects unknown filter values with 400', async () => {
      const response = await member.get('/api/v1/incidents?severity=sev9&limit=0');
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.length).toBe(2);
    });

    it('pages with an opaque cursor and reports the total', async () => {
      const first = (await member.get('/api/v1/incidents?limit=2')).json();
      expect(first.data).toHaveLength(2);
      expect(first.page.total).toBeGreaterThanOrEqual(5);
      const seen = first.data.map((i: { data: { id: string } }) => i.data.id);
      let cursor = first.page.nextCursor;
      while (cursor) {
        const next = (await member.get(`/api/v1/incidents?limit=2&cursor=${cursor}`)).json();
        seen.push(...next.data.map((i: { data: { id: string } }) => i.data.id));
        cursor = next.page.nextCursor;
      }
      expect(new Set(seen).size).toBe(first.page.total);
      expect((await member.get('/api/v1/incidents?cursor=garbage')).statusCode).toBe(400);
    });
  });

  describe('restricted incidents', () => {
    it('are invisible to non-members in reads, lists and counts, and visible to members and admins', async () => {
      const outsider = await server.signUp(admin, 'member');
      const before = (await outsider.get('/api/v1/incidents')).json().page.total;
      const created = await member.post(
        '/api/v1/incidents',
        incidentBody({ title: 'Credential leak', kind: 'security' }),
      );
      const { data } = created.json();
      expect(data.restricted).toBe(true);
      const url = `/api/v1/incidents/${data.id}`;
      expect((await outsider.get(url)).statusCode).toBe(404);
      expect((await viewer.get(url)).statusCode).toBe(404);
      expect((await outsider.patch(url, { title: 'x' }, 1)).statusCode).toBe(404);
      const list = (await outsider.get('/api/v1/incidents?kind=security')).json();
      expect(list.data).toHaveLength(0);
      expect(list.page.total).toBe(0);
      expect((await outsider.get('/api/v1/incidents')).json().page.total).toBe(before);
      expect((await member.get(url)).statusCode).toBe(200);
      expect((await admin.get(url)).statusCode).toBe(200);
      const granted = await member.patch(url, { memberIds: [member.user.id, outsider.user.id] }, 1);
      expect(granted.statusCode).toBe(200);
      expect((await outsider.get(url)).statusCode).toBe(200);
    });
  });
});
