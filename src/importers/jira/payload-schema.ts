import { z } from 'zod';

const named = z.looseObject({ name: z.string() }).nullish();

/** One field change of `changelog.items[]`. */
const changeItemSchema = z.looseObject({
  field: z.string().min(1),
  fromString: z.string().nullish(),
  toString: z.string().nullish(),
});

/** A Jira Cloud/Server issue webhook (`jira:issue_created`, `jira:issue_updated`, …). */
export const jiraPayloadSchema = z.looseObject({
  timestamp: z.number().int().min(0).max(253_402_300_799_999),
  webhookEvent: z.string().min(1),
  user: z.looseObject({ displayName: z.string().nullish(), name: z.string().nullish() }).nullish(),
  issue: z.looseObject({
    key: z.string().min(1),
    fields: z
      .looseObject({
        summary: z.string().nullish(),
        status: named,
        priority: named,
        created: z.string().nullish(),
        updated: z.string().nullish(),
      })
      .nullish(),
  }),
  changelog: z
    .looseObject({ id: z.string().nullish(), items: z.array(changeItemSchema) })
    .nullish(),
});
export type JiraPayload = z.infer<typeof jiraPayloadSchema>;
