import { z } from 'zod';
import { text } from './common.ts';
import { limits } from './limits.ts';

/** A service name: trimmed, 1–100 characters, no slash (it travels in URL paths). */
export const serviceNameSchema = text(limits.serviceNameMax).refine((name) => !name.includes('/'), {
  message: 'A service name cannot contain "/".',
});

/** The services a service depends on: unique names, at most `limits.servicesMax`. */
const dependsOnSchema = z
  .array(serviceNameSchema)
  .max(limits.servicesMax)
  .refine((names) => new Set(names).size === names.length, {
    message: 'dependsOn lists a service twice.',
  });

/** Path parameters of `/services/{name}`. */
export const serviceParamsSchema = z.object({ name: serviceNameSchema });

/** Who owns a service: its team (metrics group by it) and the account told of recurring issues. */
const ownershipFields = {
  /** The owning team, as the organisation names it; null for none. */
  team: text(limits.serviceNameMax).nullable().default(null),
  /** The owner's account id; it must exist. Null for none. */
  ownerUserId: z.uuid().nullable().default(null),
};

/** Body of `PUT /services/{name}`: the whole record (create or replace). */
export const putServiceBodySchema = z
  .object({
    description: z.string().max(limits.shortTextMax).default(''),
    /** Names of catalogue services this one depends on; each must exist. */
    dependsOn: dependsOnSchema.default([]),
    ...ownershipFields,
  })
  .strict();
export type PutServiceBody = z.infer<typeof putServiceBodySchema>;

/** One service in an import file. */
export const importedServiceSchema = z
  .object({
    name: serviceNameSchema,
    description: z.string().max(limits.shortTextMax).default(''),
    dependsOn: dependsOnSchema.default([]),
    ...ownershipFields,
  })
  .strict();

/**
 * Body of `POST /services/import` (and the file of `debrief services import`): every service
 * is created or replaced; `dependsOn` names must be in the file or already in the catalogue.
 */
export const importServicesBodySchema = z
  .object({ services: z.array(importedServiceSchema).min(1).max(5_000) })
  .strict();
export type ImportServicesBody = z.infer<typeof importServicesBodySchema>;

/** A service as the API presents it. */
export const serviceSchema = z.object({
  name: z.string(),
  description: z.string(),
  dependsOn: z.array(z.string()),
  team: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type ServiceDto = z.infer<typeof serviceSchema>;

/** What `POST /services/import` did. */
export const importServicesResultSchema = z.object({
  created: z.array(z.string()),
  updated: z.array(z.string()),
});
export type ImportServicesResult = z.infer<typeof importServicesResultSchema>;
