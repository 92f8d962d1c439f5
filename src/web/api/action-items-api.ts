import { z } from 'zod';
import { causeSchema, type verifyActionItemBodySchema } from '../../contracts/action-items.ts';
import { single } from '../../contracts/common.ts';
import { actionItemSchema, auditEventSchema } from '../../contracts/postmortem-parts.ts';
import { configuredTrackersSchema } from '../../contracts/tracker-webhooks.ts';
import { requestJson } from './http.ts';

export type Cause = z.infer<typeof causeSchema>;
export type VerifyActionItemBody = z.input<typeof verifyActionItemBodySchema>;
export type ConfiguredTracker = z.infer<typeof configuredTrackersSchema>['data'][number];

const one = single(actionItemSchema);
const itemPath = (id: string) => `/action-items/${encodeURIComponent(id)}`;

/** Follow-through calls: the review's causes, verification, promotion of ideas, history. */
export const followThroughApi = {
  causes: (postmortemId: string) =>
    requestJson(
      z.object({ data: z.array(causeSchema) }),
      'GET',
      `/postmortems/${encodeURIComponent(postmortemId)}/causes`,
    ),
  verify: (id: string, version: number, body: VerifyActionItemBody) =>
    requestJson(one, 'POST', `${itemPath(id)}/verification`, { body, version }),
  promote: (id: string, version: number) =>
    requestJson(one, 'POST', `${itemPath(id)}/promotion`, { version }),
  /** The issue trackers this server can open issues in (none when unconfigured). */
  trackers: () => requestJson(configuredTrackersSchema, 'GET', '/trackers'),
  /** Opens an issue for the item in a tracker; the item then links to it. */
  openTrackerIssue: (id: string, tracker: ConfiguredTracker['tracker']) =>
    requestJson(one, 'POST', `${itemPath(id)}/tracker-issue`, { body: { tracker } }),
  history: (id: string) =>
    requestJson(z.object({ data: z.array(auditEventSchema) }), 'GET', `${itemPath(id)}/history`),
};
