import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';

interface BoardBody {
  data: Array<{ title: string; overdue: boolean; postmortemNumber: number }>;
  page: { total: number };
  counts: {
    views: Record<string, number>;
    teams: Array<{ team: string | null; open: number; overdue: number; doneUnverified: number }>;
  };
}

describeEachDatabase('action item board', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let owner: ApiClient;
  let outsider: ApiClient;
  let viewer: ApiClient;

  const openPostmortem = async (client: ApiClient, incident: Record<string, unknown> = {}) => {
    const created = (await client.post('/api/v1/incidents', incidentBody(incident))).json().data;
    return (await client.post('/api/v1/postmortems', { incidentIds: [created.id] })).json().data
      .id as string;
  };
  const addItem = async (
    client: ApiClient,
    postmortemId: string,
    body: Record<string, unknown>,
  ) => {
    const response = await client.post(`/api/v1/postmortems/${postmortemId}/action-items`, {
      kind: 'prevent',
      ...body,
    });
    expect(response.statusCode).toBe(201);
    return response.json().data;
  };
  const board = async (client: ApiClient, query = ''): Promise<BoardBody> => {
    const response = await client.get(`/api/v1/action-items${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const titles = (body: BoardBody) => body.data.map((item) => item.title);

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    owner = await server.signUp(admin, 'member');
    outsider = await server.signUp(admin, 'member');
    viewer = await server.signUp(admin, 'viewer');
    server.setNow('2026-11-20T12:00:00Z');
    const open = await openPostmortem(owner);
    await addItem(owner, open, {
      title: 'Alert on pool saturation',
      team: 'Platform',
      ownerUserId: owner.user.id,
      dueDate: '2026-11-10',
      priority: 'p1',
    });
    await addItem(owner, open, {
      title: 'Canary config changes',
      team: 'Platform',
      dueDate: '2026-11-24',
    });
    const done = await addItem(owner, open, {
      title: 'Runbook for pool exhaustion',
      team: 'SRE',
      dueDate: '2026-11-01',
    });
    await owner.patch(`/api/v1/action-items/${done.id}`, { status: 'done' }, 1);
    await addItem(owner, open, { title: 'Maybe a pool autoscaler', isIdea: true });
    const secret = await openPostmortem(owner, { kind: 'security', restricted: true });
    await addItem(owner, secret, {
      title: 'Rotate the leaked signing key',
      team: 'Platform',
      ownerUserId: outsider.user.id,
      dueDate: '2026-11-05',
    });
  });
  afterAll(() => server.close());

  it('refuses anonymous callers and names every bad filter', async () => {
    expect((await server.anonymous.get('/api/v1/action-items')).statusCode).toBe(401);
    const bad = await owner.get('/api/v1/action-items?view=late&sort=size&limit=0&status=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.length).toBeGreaterThanOrEqual(4);
  });

  it('lists items across postmortems with the views and counts, ideas left out', async () => {
    const all = await board(owner);
    expect(titles(all)).toEqual([
      'Runbook for pool exhaustion',
      'Rotate the leaked signing key',
      'Alert on pool saturation',
      'Canary config changes',
    ]);
    expect(titles(await board(owner, '?view=overdue'))).toEqual([
      'Rotate the leaked signing key',
      'Alert on pool saturation',
    ]);
    expect(titles(await board(owner, '?view=due_soon'))).toEqual(['Canary config changes']);
    expect(titles(await board(owner, '?view=done_unverified'))).toEqual([
      'Runbook for pool exhaustion',
    ]);
    expect(titles(await board(owner, '?view=mine'))).toEqual(['Alert on pool saturation']);
    expect(titles(await board(owner, '?team=SRE'))).toEqual(['Runbook for pool exhaustion']);
    expect(titles(await board(owner, '?sort=priority&limit=1')).length).toBe(1);
    expect((await board(owner, '?sort=priority&limit=1')).page.total).toBe(4);
    expect(all.counts.views).toEqual({
      all: 4,
      mine: 1,
      overdue: 2,
      due_soon: 1,
      done_unverified: 1,
    });
    expect(all.counts.teams).toEqual([
      { team: 'Platform', open: 3, overdue: 2, doneUnverified: 0 },
      { team: 'SRE', open: 0, overdue: 0, doneUnverified: 1 },
    ]);
  });

  it('moves overdue with the clock', async () => {
    server.setNow('2026-11-26T09:00:00Z');
    try {
      // Sessions idle for days end; sign in again at the later date.
      const later = await server.signIn(owner.user.email);
      expect(titles(await board(later, '?view=overdue'))).toContain('Canary config changes');
    } finally {
      server.setNow('2026-11-20T12:00:00Z');
      owner = await server.signIn(owner.user.email);
      outsider = await server.signIn(outsider.user.email);
      viewer = await server.signIn(viewer.user.email);
    }
  });

  it('never shows a restricted postmortem’s items, or counts them, to a non-member', async () => {
    for (const client of [outsider, viewer]) {
      const body = await board(client);
      expect(titles(body)).not.toContain('Rotate the leaked signing key');
      expect(body.counts.views.all).toBe(3);
      expect(body.counts.views.overdue).toBe(1);
      expect(body.counts.teams.find((t) => t.team === 'Platform')).toMatchObject({
        open: 2,
        overdue: 1,
      });
      // Even the item the outsider owns stays hidden while its review is restricted to others.
      expect((await board(client, '?view=mine')).page.total).toBe(0);
      const csv = (await client.get('/api/v1/action-items.csv')).body;
      expect(csv).not.toContain('leaked');
    }
    expect(titles(await board(admin))).toContain('Rotate the leaked signing key');
  });

  it('exports the board as CSV, formulas kept as text', async () => {
    const pm = await openPostmortem(owner);
    await addItem(owner, pm, { title: '=HYPERLINK("http://evil.example") "quoted", with comma' });
    const response = await owner.get('/api/v1/action-items.csv?view=all&sort=postmortem');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('action-items-2026-11-20.csv');
    const lines = response.body.split('\r\n');
    expect(lines[0]).toBe(
      'postmortem,postmortem_title,title,kind,priority,status,owner,team,due_date,overdue,tracker_url,verification_evidence,services,id',
    );
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"") ""quoted"", with comma"`);
    expect(lines.filter(Boolean)).toHaveLength(1 + 5);
  });
});
