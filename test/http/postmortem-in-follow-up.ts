import { defaultPolicy, type Policy } from '../../src/domain/policy.ts';
import {
  type DocumentationPostmortem,
  walkToDocumentation,
} from './postmortem-in-documentation.ts';
import type { ApiClient } from './test-server.ts';

/** The default policy without required report sections or reviewer approvals. */
export const lightPolicy: Policy = {
  ...defaultPolicy,
  reportSections: defaultPolicy.reportSections.map((s) => ({ ...s, required: false })),
  requiredReviewerApprovals: { sev1: 0, sev2: 0, sev3: 0, sev4: 0 },
};

/** A postmortem walked to follow-up through the API, with one item addressing its root cause. */
export type FollowUpPostmortem = Omit<DocumentationPostmortem, 'advance'>;

/**
 * Opens a postmortem and brings it to `follow_up` under a policy that needs no report
 * sections and no reviewers (see `lightPolicy`), so follow-through tests start where they matter.
 */
export async function postmortemInFollowUp(
  client: ApiClient,
  item: Record<string, unknown> = {},
  incident: Record<string, unknown> = {},
): Promise<FollowUpPostmortem> {
  const { advance, ...walked } = await walkToDocumentation(client, item, incident);
  await advance('follow_up');
  return walked;
}
