import { z } from 'zod';
import { idSchema, instantSchema, text } from './common.ts';
import { limits } from './limits.ts';

/** Senders Debrief accepts webhooks from. */
export const integrationKinds = [
  'alertmanager',
  'grafana',
  'pagerduty',
  'opsgenie',
  'statuspage',
  'github',
] as const;
export type IntegrationKind = (typeof integrationKinds)[number];

/** Senders that sign their deliveries (an HMAC over the body); only these take a secret. */
export const signingIntegrationKinds = [
  'pagerduty',
  'github',
] as const satisfies readonly IntegrationKind[];

/** Body of `POST /integrations`. */
export const createIntegrationBodySchema = z
  .object({
    kind: z.enum(integrationKinds),
    name: text(limits.nameMax),
    /** PagerDuty v3 / GitHub signing secret; deliveries must then be signed with it. */
    signingSecret: z.string().min(8).max(500).optional(),
  })
  .strict()
  // A secret for a sender that never signs would make every delivery fail verification.
  .refine(
    (body) =>
      body.signingSecret === undefined ||
      (signingIntegrationKinds as readonly string[]).includes(body.kind),
    {
      path: ['signingSecret'],
      message: `Only ${signingIntegrationKinds.join(' and ')} deliveries are signed; leave the secret out.`,
    },
  );
export type CreateIntegrationBody = z.infer<typeof createIntegrationBodySchema>;

/** An integration as the API presents it (never its token or secret). */
export const integrationSchema = z.object({
  id: idSchema,
  kind: z.enum(integrationKinds),
  name: z.string(),
  signed: z.boolean(),
  createdAt: instantSchema,
  revokedAt: instantSchema.nullable(),
});
export type IntegrationView = z.infer<typeof integrationSchema>;

/** The answer to `POST /integrations`: the webhook URL with its token, shown this once. */
export const createdIntegrationSchema = integrationSchema.extend({
  token: z.string(),
  webhookPath: z.string(),
});
