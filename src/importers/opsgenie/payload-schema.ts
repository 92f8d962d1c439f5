import { z } from 'zod';

/** An epoch as Opsgenie sends it, after big integers were quoted: digits, kept exactly. */
const epoch = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,25}$/)]);

/** Opsgenie alert webhook body (`Create`, `Acknowledge`, `AddNote`, `Close`, …). */
export const opsgeniePayloadSchema = z.looseObject({
  action: z.string().min(1),
  alert: z.looseObject({
    alertId: z.string().min(1),
    message: z.string(),
    alias: z.string().optional(),
    tinyId: z.string().optional(),
    entity: z.string().optional(),
    username: z.string().optional(),
    note: z.string().optional(),
    priority: z.union([z.number(), z.string()]).optional(),
    tags: z.array(z.string()).optional(),
    createdAt: epoch,
    updatedAt: epoch.optional(),
    insertedAt: epoch.optional(),
  }),
  source: z.looseObject({ name: z.string().optional(), type: z.string().optional() }).optional(),
  integrationName: z.string().optional(),
});
export type OpsgeniePayload = z.infer<typeof opsgeniePayloadSchema>;
