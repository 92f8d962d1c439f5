import { z } from 'zod';
import { userRoles } from '../domain/user.ts';
import { passwordSchema } from './auth.ts';
import { idSchema, instantSchema, text } from './common.ts';
import { limits } from './limits.ts';

/** Body of `PATCH /users/{id}` (admins): any subset of name, role and disabled. */
export const updateUserBodySchema = z
  .object({
    name: text(limits.nameMax),
    role: z.enum(userRoles),
    /** A disabled account cannot sign in; its sessions end and its tokens stop working. */
    disabled: z.boolean(),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Send at least one field.' });
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

/** `{ id, tokenId }` path parameters. */
export const userTokenParamsSchema = z.object({ id: idSchema, tokenId: idSchema });

/**
 * The answer to `POST /users/{id}/password-reset`: a one-time link for the admin to hand over.
 * The secret is in the fragment, so it never reaches a server log or a Referer header.
 */
export const issuedPasswordResetSchema = z.object({
  /** Path of the web app's reset page with the secret, e.g. `/reset-password#drs_…`. */
  resetPath: z.string(),
  /** The secret alone, for clients that build their own link. */
  token: z.string(),
  expiresAt: instantSchema,
});

/** Body of `POST /password-resets` (public): the secret from the link and the new password. */
export const redeemPasswordResetBodySchema = z
  .object({ token: z.string().min(1).max(200), password: passwordSchema })
  .strict();

/** The answer to `DELETE /users/{id}/sessions` and `DELETE /auth/sessions`. */
export const signedOutSchema = z.object({ sessionsEnded: z.number().int() });
