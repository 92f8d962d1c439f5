import { type ApiClient, expectStatus, incidentBody } from './test-server.ts';

/** A postmortem walked to documentation through the API, with one item addressing its root cause. */
export interface DocumentationPostmortem {
  postmortemId: string;
  /** Reads the postmortem's current version (for `If-Match` on transitions). */
  version(): Promise<number>;
  /** Moves it on to phase `to` as the client that walked it; refuses to go on otherwise. */
  advance(to: string): Promise<void>;
  itemId: string;
  rootCauseId: string;
}

/**
 * Opens a postmortem as `client` over an incident from `incidentBody(incident)` and walks it to
 * documentation: one detection event, a root cause, the analysis meeting and an action item
 * (`item` overrides its body) linked to that cause. Every guard of the step to follow-up is
 * met but the reviews (and the report sections the policy requires).
 */
export async function walkToDocumentation(
  client: ApiClient,
  item: Record<string, unknown> = {},
  incident: Record<string, unknown> = {},
): Promise<DocumentationPostmortem> {
  const created = expectStatus(await client.post('/api/v1/incidents', incidentBody(incident)), 201);
  const opened = expectStatus(
    await client.post('/api/v1/postmortems', { incidentIds: [created.json().data.id] }),
    201,
  );
  const postmortemId: string = opened.json().data.id;
  const base = `/api/v1/postmortems/${postmortemId}`;
  const version = async (): Promise<number> => (await client.get(base)).json().data.version;
  const advance = async (to: string) => {
    expectStatus(await client.post(`${base}/transitions`, { to }, await version()), 200);
  };

  expectStatus(
    await client.post(`${base}/timeline-events`, {
      occurredAt: '2026-11-16T10:05:00Z',
      text: 'Checkout latency alert fired',
      kind: 'detection',
    }),
    201,
  );
  await advance('analysis');
  const rootCause = expectStatus(
    await client.post(`${base}/contributing-factors`, {
      description: 'Pool size change not validated against peak load',
      category: 'change_management',
      isRootCause: true,
    }),
    201,
  ).json().data;
  expectStatus(
    await client.patch(base, { analysisMeetingAt: '2026-11-18T15:00:00Z' }, await version()),
    200,
  );
  await advance('documentation');
  const createdItem = expectStatus(
    await client.post(`${base}/action-items`, {
      title: 'Validate pool sizes in CI',
      kind: 'prevent',
      ownerName: 'Platform team',
      successCriterion: 'CI fails on undersized pools',
      linkedFactorIds: [rootCause.id],
      ...item,
    }),
    201,
  ).json().data;
  return { postmortemId, version, advance, itemId: createdItem.id, rootCauseId: rootCause.id };
}

/**
 * Opens a postmortem as `client` and walks it to documentation through the API, every guard of
 * the step to follow-up met but the reviews (and the report sections the policy requires).
 */
export async function postmortemInDocumentation(client: ApiClient): Promise<string> {
  return (await walkToDocumentation(client)).postmortemId;
}
