// What protects accounts: failed sign-ins (the throttle) and admin-issued password resets.
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt, instant } from './columns.ts';

/**
 * Sign-in attempts that have not (yet) succeeded, per email and client address. A row is written
 * before the password is checked and removed when it proves right, so concurrent guesses are
 * counted before any of them is evaluated, and every instance sharing the database sees them.
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    address: text('address').notNull(),
    attemptedAt: instant('attempted_at').notNull(),
  },
  (t) => [
    index('sign_in_failures_address_idx').on(t.address, t.attemptedAt),
    index('sign_in_failures_email_idx').on(t.email, t.attemptedAt),
  ],
);

/** One-time password reset links issued by an admin; only a SHA-256 of the secret is kept. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    issuedBy: uuid('issued_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
  },
  (t) => [index('password_resets_user_id_idx').on(t.userId)],
);
