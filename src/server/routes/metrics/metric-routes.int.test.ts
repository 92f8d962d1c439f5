import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTeamServer } from '../../../../test/http/team-server.ts';
import type { ApiClient, TestServer } from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import {
  computeIncidentMetrics,
  type MetricIncident,
} from '../../../analysis/metrics/compute-incident-metrics.ts';
import type { Incident, KeyInstants } from '../../../domain/incident.ts';
import { metricDimensions } from '../../../domain/incident-measures.ts';
import { incidentsRepository } from '../../../storage/repositories/incidents-repository.ts';

/** A deterministic history: skewed durations, every quality, drills, near misses, several services. */
function generateHistory(count: number): Array<Omit<Incident, 'number'>> {
  let state = 12345;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const history: Array<Omit<Incident, 'number'>> = [];
  for (let i = 0; i < count; i += 1) {
    const started = Date.UTC(2026, 0, 1) + Math.floor(random() * 300 * 86_400_000);
    const after = (seconds: number) => new Date(started + Math.floor(seconds * 1000));
    const skewed = () => 60 * Math.exp(random() * 7);
    const instants: KeyInstants = {};
    if (random() > 0.05) {
      instants.started_at = {
        at: new Date(started),
        source: pick(['manual', 'alertmanager']),
        precision: 'exact',
      };
    }
    if (random() > 0.1) {
      instants.detected_at = {
        at: after(skewed() / 10),
        source: 'pagerduty',
        precision: pick(['exact', 'estimated']),
      };
    }
    if (random() > 0.3) {
      instants.acknowledged_at = {
        at: after(skewed() / 5),
        source: 'pagerduty',
        precision: 'exact',
      };
    }
    if (random() > 0.2) {
      instants.mitigated_at = {
        at: after(skewed()),
        source: pick(['manual', 'grafana']),
        precision: 'exact',
      };
    }
    if (random() > 0.1) {
      instants.resolved_at = { at: after(skewed() * 2), source: 'grafana', precision: 'exact' };
    }
    const kind = pick(['outage', 'degradation', 'near_miss', 'outage'] as const);
    history.push({
      id: randomUUID(),
      title: `Generated incident ${i}`,
      summary: '',
      kind,
      severity: pick(['sev1', 'sev2', 'sev3', 'sev4'] as const),
      potentialSeverity: kind === 'near_miss' ? 'sev1' : null,
      isDrill: random() < 0.1,
      status: 'resolved',
      services: random() < 0.3 ? ['checkout', 'payments'] : [pick(['checkout', 'search', 'auth'])],
      restricted: false,
      instants,
      memberIds: [],
      createdById: null,
      version: 1,
      createdAt: new Date(started + 3_600_000),
      updatedAt: new Date(started + 3_600_000),
    });
  }
  return history;
}

describeEachDatabase('incident metrics routes', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  let insider: ApiClient;
  const history = generateHistory(240);
  let restricted: Omit<Incident, 'number'>;
  // `auth` has no team, so its incidents count in no team group.
  const serviceTeams = new Map([
    ['checkout', 'payments'],
    ['payments', 'payments'],
    ['search', 'discovery'],
  ]);

  beforeAll(async () => {
    ({ server, admin, member, viewer: insider } = await startTeamServer(kind));
    for (const incident of history) {
      await incidentsRepository.insertIncident(server.handle.db, incident);
    }
    for (const name of ['checkout', 'payments', 'search', 'auth']) {
      const put = await admin.request({
        method: 'PUT',
        url: `/api/v1/services/${name}`,
        payload: { team: serviceTeams.get(name) ?? null },
      });
      expect(put.statusCode).toBe(201);
    }
    const started = new Date('2026-06-01T00:00:00Z');
    restricted = {
      ...(history[0] as Omit<Incident, 'number'>),
      id: randomUUID(),
      kind: 'security',
      severity: 'sev1',
      isDrill: false,
      restricted: true,
      memberIds: [insider.user.id],
      services: ['checkout'],
      instants: {
        started_at: { at: started, source: 'manual', precision: 'exact' },
        resolved_at: {
          at: new Date(started.getTime() + 30 * 86_400_000),
          source: 'manual',
          precision: 'exact',
        },
      },
    };
    await incidentsRepository.insertIncident(server.handle.db, restricted);
  });
  afterAll(() => server.close());

  const metrics = async (client: ApiClient, query = '') => {
    const response = await client.get(`/api/v1/metrics/incidents${query}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  it('refuses anonymous callers and reports every problem of a bad query', async () => {
    expect((await server.anonymous.get('/api/v1/metrics/incidents')).statusCode).toBe(401);
    const bad = await member.get('/api/v1/metrics/incidents?by=colour&since=yesterday&extra=1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(bad.json().errors.length).toBeGreaterThanOrEqual(3);
    const reversed = await member.get(
      '/api/v1/metrics/incidents?since=2026-05-01&until=2026-04-01',
    );
    expect(reversed.statusCode).toBe(400);
  });

  it('aggregates in SQL exactly what the pure analyser computes, for every dimension', async () => {
    const everything: MetricIncident[] = [...history, restricted];
    for (const by of [null, ...metricDimensions]) {
      const body = await metrics(admin, by ? `?by=${by}` : '');
      expect(body.groups).toEqual(computeIncidentMetrics(everything, by, serviceTeams));
    }
    const windowed = await metrics(admin, '?since=2026-03-01&until=2026-05-31&by=severity');
    const inWindow = everything.filter((incident) => {
      const at = (
        incident.instants.started_at?.at ??
        incident.instants.detected_at?.at ??
        incident.createdAt
      ).getTime();
      return at >= Date.UTC(2026, 2, 1) && at < Date.UTC(2026, 5, 1);
    });
    expect(windowed.until).toBe('2026-06-01T00:00:00.000Z');
    expect(windowed.groups).toEqual(computeIncidentMetrics(inWindow, 'severity'));
  });

  it('leaves a restricted incident out of a non-member’s counts and percentiles', async () => {
    const visible = await metrics(member, '?by=severity');
    const all = await metrics(admin, '?by=severity');
    const sev1 = (body: { groups: Array<{ key: string; incidents: { recovery: number } }> }) =>
      body.groups.find((g) => g.key === 'sev1')?.incidents.recovery ?? 0;
    expect(sev1(all) - sev1(visible)).toBe(1);
    expect(visible.groups).toEqual(computeIncidentMetrics(history, 'severity'));
    expect(await metrics(insider, '?by=severity')).toEqual(all);
    const byService = await metrics(member, '?by=service');
    expect(byService.groups).toEqual(computeIncidentMetrics(history, 'service'));
    const byTeam = await metrics(member, '?by=team');
    expect(byTeam.groups.map((g: { key: string }) => g.key)).toEqual(['discovery', 'payments']);
    expect(byTeam.groups).toEqual(computeIncidentMetrics(history, 'team', serviceTeams));
  });

  it('counts follow-through and factor categories of restricted reviews only for their members', async () => {
    const review = async (
      client: ApiClient,
      incidentId: string,
      category: string,
      dueDate: string,
    ) => {
      const postmortem = await client.post('/api/v1/postmortems', { incidentIds: [incidentId] });
      expect(postmortem.statusCode).toBe(201);
      const base = `/api/v1/postmortems/${postmortem.json().data.id}`;
      const factor = await client.post(`${base}/contributing-factors`, {
        description: 'The queue had no headroom for a burst',
        category,
        isRootCause: true,
      });
      expect(factor.statusCode).toBe(201);
      const item = await client.post(`${base}/action-items`, {
        title: 'Alert on queue depth',
        kind: 'detect',
        dueDate,
      });
      expect(item.statusCode).toBe(201);
    };
    await review(admin, restricted.id, 'capacity', '2026-01-05');
    await review(
      member,
      (history.find((i) => !i.isDrill) as Incident).id,
      'detection_gap',
      '2026-12-31',
    );
    const read = async (client: ApiClient) => {
      const response = await client.get('/api/v1/metrics/follow-through');
      expect(response.statusCode).toBe(200);
      return response.json();
    };
    const forAdmin = await read(admin);
    const forMember = await read(member);
    expect(forAdmin.followThrough.overdue.count).toBe(1);
    expect(forMember.followThrough.overdue.count).toBe(0);
    expect(
      forAdmin.followThrough.byMonth.reduce(
        (n: number, m: { created: number }) => n + m.created,
        0,
      ),
    ).toBe(2);
    expect(
      forMember.followThrough.byMonth.reduce(
        (n: number, m: { created: number }) => n + m.created,
        0,
      ),
    ).toBe(1);
    const categories = (body: { factorCategories: Array<{ counts: Record<string, number> }> }) =>
      body.factorCategories.flatMap((m) => Object.keys(m.counts)).sort();
    expect(categories(forAdmin)).toEqual(['capacity', 'detection_gap']);
    expect(categories(forMember)).toEqual(['detection_gap']);
    expect(await read(insider)).toEqual(forAdmin);
    // Later incidents on the same services, with no review of their own: the causes came back.
    const reviewed = (body: { recurrences: Array<{ title: string; incidents: unknown[] }> }) =>
      body.recurrences.map((r) => r.title).sort();
    expect(forAdmin.recurrences).toHaveLength(2);
    expect(reviewed(forMember)).toEqual([`Postmortem: ${history.find((i) => !i.isDrill)?.title}`]);
    expect(JSON.stringify(forMember)).not.toContain(restricted.id);
  });
});
