import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../http/test-server.ts';
import { describeEachDatabase } from '../support/test-database.ts';

/**
 * The learning surfaces (metrics, follow-through, themes, similar postmortems) answer with
 * numbers, not text: a leak is a count that moves, which a search for a secret string cannot
 * see. So each surface is read by an outsider before and after a restricted incident (with a
 * review, a root cause and an action item, worded like the visible ones so that it would join
 * their theme) is added: the outsider's answers must not change at all, while a member of the
 * restricted incident sees it counted. On both engines. ADD A ROW for a new learning surface.
 */
const surfaces: Array<{ name: string; url: (scene: Scene) => string }> = [
  { name: 'incident metrics', url: () => '/api/v1/metrics/incidents' },
  { name: 'incident metrics by severity', url: () => '/api/v1/metrics/incidents?by=severity' },
  { name: 'incident metrics by kind', url: () => '/api/v1/metrics/incidents?by=kind' },
  { name: 'incident metrics by service', url: () => '/api/v1/metrics/incidents?by=service' },
  { name: 'incident metrics by team', url: () => '/api/v1/metrics/incidents?by=team' },
  { name: 'incident metrics by month', url: () => '/api/v1/metrics/incidents?by=month' },
  {
    name: 'incident metrics in a window',
    url: () => '/api/v1/metrics/incidents?since=2026-11-01&until=2026-11-30&by=severity',
  },
  { name: 'follow-through', url: () => '/api/v1/metrics/follow-through' },
  { name: 'themes', url: () => '/api/v1/themes' },
  {
    name: 'similar postmortems of a visible incident',
    url: (s) => `/api/v1/incidents/${s.visibleIncidentId}/similar-postmortems`,
  },
  {
    name: 'similar postmortems of a visible postmortem',
    url: (s) => `/api/v1/postmortems/${s.visiblePostmortemId}/similar-postmortems`,
  },
];

interface Scene {
  visibleIncidentId: string;
  visiblePostmortemId: string;
}

const reports = [
  ['2026-11-02', 'Payment webhooks timing out at the provider'],
  ['2026-11-06', 'Payment webhooks timing out again'],
  ['2026-11-10', 'Webhooks from the payment provider time out under load'],
] as const;

describeEachDatabase(
  'learning surfaces never count a restricted incident for an outsider',
  (kind) => {
    let server: TestServer;
    let admin: ApiClient;
    let outsider: ApiClient;
    let insider: ApiClient;
    const scene: Scene = { visibleIncidentId: '', visiblePostmortemId: '' };
    const before = new Map<string, { outsider: unknown; insider: unknown }>();

    const incident = async (client: ApiClient, day: string, title: string, extra = {}) => {
      const response = await client.post('/api/v1/incidents', {
        title,
        summary: `${title}: deliveries from the payment provider to payments-gateway timed out.`,
        kind: 'degradation',
        severity: 'sev3',
        services: ['payments-gateway'],
        instants: {
          started_at: { at: `${day}T09:00:00Z` },
          detected_at: { at: `${day}T09:07:00Z` },
          resolved_at: { at: `${day}T09:40:00Z` },
        },
        ...extra,
      });
      expect(response.statusCode).toBe(201);
      return response.json().data.id as string;
    };

    /** A review with a root cause and an overdue action item. */
    const review = async (client: ApiClient, incidentId: string) => {
      const postmortem = await client.post('/api/v1/postmortems', { incidentIds: [incidentId] });
      expect(postmortem.statusCode).toBe(201);
      const base = `/api/v1/postmortems/${postmortem.json().data.id}`;
      const factor = await client.post(`${base}/contributing-factors`, {
        description: 'The webhook endpoint waited on the ledger before answering the provider',
        category: 'dependency',
        isRootCause: true,
      });
      expect(factor.statusCode).toBe(201);
      const item = await client.post(`${base}/action-items`, {
        title: 'Answer provider webhooks before writing to the ledger',
        kind: 'prevent',
        dueDate: '2026-11-15',
      });
      expect(item.statusCode).toBe(201);
      return postmortem.json().data.id as string;
    };

    const read = async (client: ApiClient, url: string) => {
      const response = await client.get(url);
      expect(response.statusCode).toBe(200);
      return response.json();
    };

    beforeAll(async () => {
      server = await startTestServer(kind);
      server.setNow('2026-11-20T12:00:00Z');
      admin = await server.setUpAdmin();
      outsider = await server.signUp(admin, 'member', 'Olu Outside');
      insider = await server.signUp(admin, 'member', 'Ines Inside');
      expect(
        (
          await admin.request({
            method: 'PUT',
            url: '/api/v1/services/payments-gateway',
            payload: { team: 'payments' },
          })
        ).statusCode,
      ).toBe(201);
      for (const [day, title] of reports) {
        scene.visibleIncidentId = await incident(outsider, day, title);
      }
      scene.visiblePostmortemId = await review(outsider, scene.visibleIncidentId);
      // Into analysis today, 20 November: due on the 17th (5 business days after the 10th), so late.
      const base = `/api/v1/postmortems/${scene.visiblePostmortemId}`;
      expect(
        (
          await outsider.post(`${base}/timeline-events`, {
            occurredAt: '2026-11-10T09:07:00Z',
            text: 'Webhook delivery failures alert fired',
            kind: 'detection',
          })
        ).statusCode,
      ).toBe(201);
      const version = (await outsider.get(base)).json().data.version as number;
      expect(
        (await outsider.post(`${base}/transitions`, { to: 'analysis' }, version)).statusCode,
      ).toBe(200);
      for (const { name, url } of surfaces) {
        before.set(name, {
          outsider: await read(outsider, url(scene)),
          insider: await read(insider, url(scene)),
        });
      }
      const restricted = await incident(
        admin,
        '2026-11-12',
        'Payment webhooks timing out for the fraud check',
        {
          restricted: true,
          memberIds: [insider.user.id],
        },
      );
      await review(admin, restricted);
    }, 120_000);
    afterAll(() => server.close());

    it.each(surfaces)('$name: the outsider’s answer is unchanged', async ({ name, url }) => {
      expect(await read(outsider, url(scene))).toEqual(before.get(name)?.outsider);
    });

    it('reports postmortem cycle time per phase against the policy’s due dates', async () => {
      const { phaseCycleTimes } = await read(outsider, '/api/v1/metrics/follow-through');
      expect(phaseCycleTimes.map((p: { phase: string }) => p.phase)).toEqual([
        'analysis',
        'documentation',
        'follow_up',
        'closed',
      ]);
      const [analysis, documentation] = phaseCycleTimes;
      expect(analysis).toMatchObject({ due: 1, onTime: 0, late: 1, overdue: 0, pending: 0 });
      // Resolved 10 November 09:40, in analysis 20 November 12:00.
      expect(analysis.timeToReach).toMatchObject({
        count: 1,
        median: 10 * 86_400 + 2 * 3600 + 20 * 60,
      });
      expect(documentation).toMatchObject({ due: 1, pending: 1, late: 0 });
      // The restricted review, resolved the 12th and still gathering data, is overdue — for its member.
      const forInsider = (await read(insider, '/api/v1/metrics/follow-through')).phaseCycleTimes[0];
      expect(forInsider).toMatchObject({ due: 2, late: 1, overdue: 1 });
    });

    it('the member of the restricted incident sees it counted (the scene is real)', async () => {
      const counted = (body: { groups: Array<{ incidents: { recovery: number } }> }) =>
        body.groups.reduce((sum, group) => sum + group.incidents.recovery, 0);
      const metricsBefore = before.get('incident metrics')?.insider as Parameters<
        typeof counted
      >[0];
      expect(
        counted(await read(insider, '/api/v1/metrics/incidents')) - counted(metricsBefore),
      ).toBe(1);

      const created = (body: { followThrough: { byMonth: Array<{ created: number }> } }) =>
        body.followThrough.byMonth.reduce((sum, month) => sum + month.created, 0);
      const followBefore = before.get('follow-through')?.insider as Parameters<typeof created>[0];
      expect(
        created(await read(insider, '/api/v1/metrics/follow-through')) - created(followBefore),
      ).toBe(1);

      const themed = (body: { data: Array<{ count: number }> }) =>
        body.data.reduce((sum, theme) => sum + theme.count, 0);
      const themesBefore = before.get('themes')?.insider as Parameters<typeof themed>[0];
      expect(themed(await read(insider, '/api/v1/themes')) - themed(themesBefore)).toBe(1);

      const similar = (body: { data: unknown[] }) => body.data.length;
      const url = `/api/v1/incidents/${scene.visibleIncidentId}/similar-postmortems`;
      const similarBefore = before.get('similar postmortems of a visible incident')
        ?.insider as Parameters<typeof similar>[0];
      expect(similar(await read(insider, url)) - similar(similarBefore)).toBe(1);
    });
  },
);
