import { defaultPolicy, type Policy } from '../../src/domain/policy.ts';
import { type ApiClient, expectStatus, incidentBody } from './test-server.ts';

/** The default policy without required report sections or reviewer approvals. */
export const lightPolicy: Policy = {
  ...defaultPolicy,
  reportSections: defaultPolicy.reportSections.map((s) => ({ ...s, required: false })),
  requiredReviewerApprovals: { sev1: 0, sev2: 0, sev3: 0, sev4: 0 },
};

/** A postmortem walked to follow-up through the API, with one item addressing its root cause. */
export interface FollowUpPostmortem {
  postmortemId: string;
  /** Reads the postmortem's current version (for `If-Match` on transitions). */
  version(): Promise<number>;
  itemId: string;
  rootCauseId: string;
}

/**
 * Opens a postmortem and brings it to `follow_up` under a policy that needs no report
 * sections and no reviewers (see `lightPolicy`), so follow-through tests start where they matter.
 */
export async function postmortemInFollowUp(
  client: ApiClient,
  item: Record<string, unknown> = {},
  incident: Record<string, unknown> = {},
): Promise<FollowUpPostmortem> {
  const created = expectStatus(await client.post('/api/v1/incidents', incidentBody(incident)), 201);
  const opened = expectStatus(
    await client.post('/api/v1/postmortems', { incidentIds: [created.json().data.id] }),
    201,
  );
  const postmortemId: string = opened.json().data.id;
  const base = `/api/v1/postmortems/${postmortemId}`;
  const version = async (): Promise<number> => (await client.get(base)).json().data.version;
  const advance = async (to: string) =>
    expectStatus(await client.post(`${base}/transitions`, { to }, await version()), 200);

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
  await advance('follow_up');
  return { postmortemId, version, itemId: createdItem.id, rootCauseId: rootCause.id };
}
