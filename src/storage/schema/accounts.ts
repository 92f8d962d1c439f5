// Accounts, browser sessions and API tokens.
import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.ts';

/** Accounts. Passwords are scrypt hashes; emails are stored lower-case. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
  /** The OpenID Connect `iss|sub` of an account that signs in through the identity provider. */
  oidcSubject: text('oidc_subject').unique(),
});

/** Browser sessions. Only a SHA-256 of the cookie value is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    /** Last request seen; a session idle for longer than the idle timeout is over. */
    lastSeenAt: instant('last_seen_at'),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

/** API tokens for scripts and webhooks; the secret is shown once and stored hashed. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  prefix: text('prefix').notNull(),
  createdAt: createdAt(),
  lastUsedAt: instant('last_used_at'),
  revokedAt: instant('revoked_at'),
  /** What the token may do: `read`, `write`, `webhook`. Tokens made before scopes had both. */
  scopes: text('scopes').array().notNull().default(['read', 'write']),
  /** After this instant the token no longer authenticates; null for no expiry. */
  expiresAt: instant('expires_at'),
});
