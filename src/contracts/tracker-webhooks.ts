import { z } from 'zod';

/** The part of GitHub's `issues` webhook event Debrief reads; the rest is ignored. */
export const githubIssuesEventSchema = z.object({
  action: z.string(),
  issue: z.object({ number: z.number().int(), html_url: z.string() }),
  repository: z.object({ full_name: z.string() }),
});

/** The part of Jira's `jira:issue_updated` webhook Debrief reads. */
export const jiraIssueUpdatedSchema = z.object({
  webhookEvent: z.string(),
  issue: z.object({
    key: z.string(),
    fields: z.object({
      status: z.object({
        name: z.string(),
        statusCategory: z.object({ key: z.string() }),
      }),
    }),
  }),
  changelog: z.object({ items: z.array(z.object({ field: z.string() }).passthrough()) }).optional(),
});

/** Which tracker to open an issue in for an action item. */
export const createTrackerIssueBodySchema = z
  .object({ tracker: z.enum(['github', 'jira']) })
  .strict();

/** The issue trackers this server can open issues in. */
export const configuredTrackersSchema = z.object({
  data: z.array(z.object({ tracker: z.enum(['github', 'jira']), label: z.string() })),
});

/** What a tracker webhook did. */
export const trackerWebhookResultSchema = z.object({
  trackerKey: z.string().nullable(),
  updatedItemIds: z.array(z.string()),
});
