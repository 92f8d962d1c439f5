import { z } from 'zod';
import { userRoles } from '../domain/user.ts';
import { instantSchema, text } from './common.ts';
import { limits } from './limits.ts';

/** An email address, compared case-insensitively. */
export const emailSchema = z
  .email()
  .max(limits.emailMax)
  .transform((v) => v.toLowerCase());

export const passwordSchema = z.string().min(limits.passwordMin).max(limits.passwordMax);

/** First-admin setup and account creation. */
export const createUserBodySchema = z.object({
  email: emailSchema,
  name: text(limits.nameMax),
  password: passwordSchema,
  role: z.enum(userRoles).default('member'),
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const setupBodySchema = createUserBodySchema.omit({ role: true });

export const signInBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(limits.passwordMax),
});

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof userSchema>;

/** The signed-in session as the web app sees it; `csrfToken` goes into `X-CSRF-Token`. */
export const sessionSchema = z.object({
  user: userSchema,
  csrfToken: z.string().nullable(),
  abilities: z.record(z.string(), z.boolean()),
});

export const setupStatusSchema = z.object({ needsSetup: z.boolean() });

/** How people sign in on this server (`GET /auth/methods`), for the sign-in page. */
export const signInMethodsSchema = z.object({
  /** Email and password; false when `DEBRIEF_LOCAL_ACCOUNTS=false`. */
  password: z.boolean(),
  /** OpenID Connect, when configured: the button's name and where it starts. */
  oidc: z.object({ name: z.string(), startUrl: z.string() }).nullable(),
});
export type SignInMethodsDto = z.infer<typeof signInMethodsSchema>;

/** What an API token may do: `read` (GET), `write` (changes), `webhook` (manage integrations). */
export const tokenScopes = ['read', 'write', 'webhook'] as const;
export type TokenScope = (typeof tokenScopes)[number];

export const createTokenBodySchema = z
  .object({
    name: text(limits.nameMax),
    /** Defaults to read and write, what tokens could do before scopes. */
    scopes: z
      .array(z.enum(tokenScopes))
      .min(1)
      .max(tokenScopes.length)
      .default(['read', 'write'])
      .transform((scopes) => [...new Set(scopes)]),
    /** After this instant the token stops working; omit for no expiry. */
    expiresAt: instantSchema.optional(),
  })
  .strict();
export type CreateTokenBody = z.infer<typeof createTokenBodySchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(tokenScopes)),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  /** The token's last use, to the minute: it is written at most once a minute. */
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** Returned once, at creation: the only time the secret is visible. */
export const createdTokenSchema = apiTokenSchema.extend({ token: z.string() });
