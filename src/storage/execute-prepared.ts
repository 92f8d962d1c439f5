import { createHash } from 'node:crypto';
import type { Query, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from './database.ts';
import { preparedMarker } from './pglite-thread/protocol.ts';

const dialect = new PgDialect();

/** A statement built to text once, with its name; its values come at each run. */
export interface PreparedStatement {
  name: string;
  query: Query;
}

/**
 * Builds a statement's text once: write every value that varies as `sql.placeholder(name)`.
 * The name is a digest of the text, so two texts never share one. With `onPgliteThread`, PGlite's
 * thread keeps it prepared too (`preparedRunner`): only for statements whose generic plan is as
 * good as a fresh one, since PostgreSQL may keep one plan for every value.
 */
export function prepareStatement(
  statement: SQL,
  options: { onPgliteThread?: boolean } = {},
): PreparedStatement {
  const built = dialect.sqlToQuery(statement);
  const query = options.onPgliteThread ? { ...built, sql: built.sql + preparedMarker } : built;
  const digest = createHash('sha256').update(query.sql).digest('base64url').slice(0, 32);
  return { name: `debrief_${digest}`, query };
}

/**
 * Runs a prepared statement with the values of its placeholders and returns its rows. On
 * PostgreSQL it is a named statement: each connection parses it once and, after a few runs,
 * plans it once (when its generic plan costs no more than the plans made for the values at
 * hand), which a busy statement otherwise pays on every run; building the text once saves
 * drizzle's part. Give it only statements of a few texts, since each stays prepared on each
 * connection. PGlite in process runs it as any other statement, and so does PGlite's thread unless
 * it was prepared `onPgliteThread`.
 */
export async function executePrepared<T>(
  db: Database,
  statement: PreparedStatement,
  values: Record<string, unknown>,
): Promise<T[]> {
  const prepared = db._.session.prepareQuery(statement.query, undefined, statement.name, false);
  const result = await prepared.execute(values);
  return (result as { rows: T[] }).rows;
}
