import { type ApiClient, expectStatus, incidentBody } from './test-server.ts';

/**
 * Opens a postmortem as `client` and walks it to documentation through the API, every guard of
 * the step to follow-up met but the reviews (and the report sections the policy requires).
 */
export async function postmortemInDocumentation(client: ApiClient): Promise<string> {
  const incident = expectStatus(await client.post('/api/v1/incidents', incidentBody()), 201).json()
    .data;
  const id: string = expectStatus(
    await client.post('/api/v1/postmortems', { incidentIds: [incident.id] }),
    201,
  ).json().data.id;
  const base = `/api/v1/postmortems/${id}`;
  const version = async () => (await client.get(base)).json().data.version as number;
  expectStatus(
    await client.post(`${base}/timeline-events`, {
      occurredAt: '2026-11-16T10:05:00Z',
      text: 'Checkout latency alert fired',
      kind: 'detection',
    }),
    201,
  );
  expectStatus(await client.post(`${base}/transitions`, { to: 'analysis' }, await version()));
  const cause = expectStatus(
    await client.post(`${base}/contributing-factors`, {
      description: 'Pool size change not validated against peak load',
      category: 'change_management',
      isRootCause: true,
    }),
    201,
  ).json().data;
  expectStatus(
    await client.patch(base, { analysisMeetingAt: '2026-11-18T15:00:00Z' }, await version()),
  );
  expectStatus(await client.post(`${base}/transitions`, { to: 'documentation' }, await version()));
  expectStatus(
    await client.post(`${base}/action-items`, {
      title: 'Validate pool sizes in CI',
      kind: 'prevent',
      ownerName: 'Platform team',
      successCriterion: 'CI fails on undersized pools',
      linkedFactorIds: [cause.id],
    }),
    201,
  );
  return id;
}
