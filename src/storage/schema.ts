/**
 * The database schema, one file per area under `schema/`; drizzle-kit reads this file, and the
 * repositories import tables from it.
 */
export * from './schema/accounts.ts';
export * from './schema/analysis.ts';
export * from './schema/data-gathering.ts';
export * from './schema/incidents.ts';
export * from './schema/notifications.ts';
export * from './schema/postmortem-parts.ts';
export * from './schema/postmortems.ts';
export * from './schema/publishing.ts';
export * from './schema/restricted-sections.ts';
export * from './schema/review.ts';
export * from './schema/search.ts';
export * from './schema/security.ts';
export * from './schema/webhook-deliveries.ts';
