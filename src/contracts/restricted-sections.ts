import { z } from 'zod';
import { idSchema } from './common.ts';

/** A report section key, as in `PATCH /postmortems/{id}` `sections`. */
export const sectionKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);

/** Params of `/postmortems/{id}/restricted-sections/{key}`. */
export const restrictedSectionParamsSchema = z.object({ id: idSchema, key: sectionKeySchema });

/** Body of `POST /postmortems/{id}/restricted-sections`: restrict one section to named members. */
export const restrictSectionBodySchema = z
  .object({
    /** The section to restrict; its current text moves with it. */
    key: sectionKeySchema,
    /** Who may read it besides admins; the caller must be among them unless an admin. */
    memberIds: z.array(z.uuid()).min(1).max(200),
  })
  .strict();
export type RestrictSectionBody = z.infer<typeof restrictSectionBodySchema>;

/** Body of `PATCH /postmortems/{id}/restricted-sections/{key}` (with `If-Match`). */
export const changeRestrictedSectionBodySchema = z
  .object({
    /** Who may read it; the caller must stay among them unless an admin. */
    memberIds: z.array(z.uuid()).min(1).max(200),
  })
  .strict();
export type ChangeRestrictedSectionBody = z.infer<typeof changeRestrictedSectionBodySchema>;

/**
 * One restricted section as a reader sees it: everyone who sees the postmortem learns that the
 * section exists and is restricted; only its members (and admins) get its text and members.
 */
export const restrictedSectionSchema = z.object({
  key: z.string(),
  readable: z.boolean(),
  /** The text, for readers only. */
  text: z.string().optional(),
  /** The members, for readers only. */
  memberIds: z.array(z.string()).optional(),
  restrictedAt: z.string(),
  version: z.number().int(),
});
export type RestrictedSectionDto = z.infer<typeof restrictedSectionSchema>;
