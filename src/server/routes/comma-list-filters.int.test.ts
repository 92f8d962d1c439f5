import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';

/**
 * Every listing route that takes comma lists reads them through one contract helper: the same
 * list with spaces, empty items or a repeated key answers as the compact list does, and an
 * unknown item is refused with `VALIDATION_FAILED` naming the field, the item's index and the
 * item itself. `{postmortem}` and `{event}` stand for ids seeded below.
 */
const lists = [
  { route: '/api/v1/incidents', key: 'kind', items: ['outage', 'degradation'] },
  { route: '/api/v1/incidents', key: 'severity', items: ['sev1', 'sev2'] },
  { route: '/api/v1/incidents', key: 'status', items: ['open', 'resolved'] },
  { route: '/api/v1/postmortems', key: 'phase', items: ['data_gathering', 'analysis'] },
  { route: '/api/v1/postmortems', key: 'severity', items: ['sev1', 'sev2'] },
  { route: '/api/v1/postmortems', key: 'kind', items: ['outage', 'degradation'] },
  { route: '/api/v1/search', key: 'kind', items: ['outage', 'degradation'] },
  { route: '/api/v1/search', key: 'severity', items: ['sev1', 'sev2'] },
  { route: '/api/v1/search', key: 'service', items: ['payments-api', 'edge-dns'] },
  { route: '/api/v1/search', key: 'category', items: ['capacity', 'knowledge'] },
  { route: '/api/v1/search', key: 'phase', items: ['data_gathering', 'analysis'] },
  { route: '/api/v1/postmortems/{postmortem}/timeline', key: 'source', items: ['manual', 'slack'] },
  {
    route: '/api/v1/postmortems/{postmortem}/timeline',
    key: 'status',
    items: ['accepted', 'proposed'],
  },
  {
    route: '/api/v1/postmortems/{postmortem}/timeline',
    key: 'kind',
    items: ['detection', 'mitigation'],
  },
  { route: '/api/v1/postmortems/{postmortem}/timeline', key: 'ids', items: ['{event}'] },
  {
    route: '/api/v1/postmortems/{postmortem}/timeline/versions',
    key: 'source',
    items: ['manual', 'slack'],
  },
  {
    route: '/api/v1/postmortems/{postmortem}/timeline/versions',
    key: 'status',
    items: ['accepted', 'proposed'],
  },
  {
    route: '/api/v1/postmortems/{postmortem}/timeline/versions',
    key: 'kind',
    items: ['detection', 'mitigation'],
  },
  { route: '/api/v1/action-items', key: 'status', items: ['open', 'in_progress'] },
  { route: '/api/v1/action-items.csv', key: 'status', items: ['open', 'in_progress'] },
];

/** An item each list refuses, and the code its item schema refuses it with. */
const refusedItem: Record<string, { item: string; code: string }> = {
  service: { item: 'x'.repeat(101), code: 'too_big' },
  category: { item: 'x'.repeat(101), code: 'too_big' },
  ids: { item: 'not-an-id', code: 'invalid_format' },
};

describeEachDatabase('comma lists on every listing route', (kind) => {
  let server: TestServer;
  let member: ApiClient;
  const ids: Record<string, string> = {};

  const address = (route: string, query: string) =>
    `${route.replace('{postmortem}', ids.postmortem ?? '')}?${query}`;
  const seeded = (items: string[]) => items.map((item) => item.replace('{event}', ids.event ?? ''));
  const answer = async (route: string, query: string) => {
    const response = await member.get(address(route, query));
    expect(response.statusCode, `${query}: ${response.body}`).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    const admin = await server.setUpAdmin();
    member = await server.signUp(admin, 'member');
    const open = async (incident: Record<string, unknown>) => {
      const created = (await member.post('/api/v1/incidents', incidentBody(incident))).json().data;
      return (await member.post('/api/v1/postmortems', { incidentIds: [created.id] })).json().data
        .id as string;
    };
    ids.postmortem = await open({
      title: 'Payments pool saturated',
      severity: 'sev1',
      services: ['payments-api'],
    });
    await open({ title: 'Resolver outage', kind: 'degradation', services: ['edge-dns'] });
    const add = async (part: string, body: Record<string, unknown>) => {
      const response = await member.post(`/api/v1/postmortems/${ids.postmortem}/${part}`, body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json().data.id as string;
    };
    ids.event = await add('timeline-events', {
      occurredAt: '2026-11-16T10:05:00Z',
      text: 'Pager fired for the saturated pool',
      kind: 'detection',
    });
    await add('timeline-events', {
      occurredAt: '2026-11-16T10:40:00Z',
      text: 'Retries capped at the storefront',
      kind: 'mitigation',
    });
    await add('contributing-factors', {
      description: 'The pool size was not revisited after the migration',
      category: 'capacity',
    });
    await add('action-items', { kind: 'prevent', title: 'Cap storefront retries' });
  });
  afterAll(() => server.close());

  describe.each(lists)('$route takes $key', ({ route, key, items: listed }) => {
    it('with spaces, empty items or a repeated key as the compact list', async () => {
      const items = seeded(listed);
      const compact = await answer(route, `${key}=${items.join(',')}`);
      expect(compact).toMatch(/Payments pool saturated|Pager fired|Cap storefront|"ids":\["/);
      const spaced = `${key}=${encodeURIComponent(` ${items.join(' , ')} ,`)}`;
      expect(await answer(route, spaced)).toBe(compact);
      const repeated = items.map((item) => `${key}=${encodeURIComponent(` ${item} `)}`).join('&');
      expect(await answer(route, repeated)).toBe(compact);
    });

    it('refusing an unknown item with the documented problem', async () => {
      const items = seeded(listed);
      const refused = refusedItem[key] ?? { item: 'sev9x', code: 'invalid_value' };
      const query = `${key}=${encodeURIComponent(`${items[0]}, ${refused.item}`)}`;
      const response = await member.get(address(route, query));
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(problem.type).toBe('/docs/errors#validation-failed');
      expect(problem.errors).toEqual([
        {
          path: `querystring.${key}.1`,
          code: refused.code,
          message: expect.stringContaining(JSON.stringify(refused.item)),
        },
      ]);
    });
  });

  it('describes every list parameter alike in the OpenAPI document', async () => {
    const document = (await server.anonymous.get('/api/v1/openapi.json')).json();
    const schemas = lists.map(({ route, key }) => {
      const path = route.replace('{postmortem}', '{id}');
      const parameter = document.paths[path].get.parameters.find(
        (p: { in: string; name: string }) => p.in === 'query' && p.name === key,
      );
      return { route, key, schema: parameter?.schema };
    });
    const first = schemas[0]?.schema;
    expect(first).toMatchObject({
      anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    });
    for (const { route, key, schema } of schemas) {
      expect({ route, key, schema }).toEqual({ route, key, schema: first });
    }
  });
});
