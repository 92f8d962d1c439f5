import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * The select list that makes a row of `table` the object the API presents once turned to JSON
 * (`json_agg` of a sub-select): every column under its property name, in declaration order,
 * instants as ISO 8601 UTC with milliseconds (what `Date.prototype.toISOString` gives). Built
 * from the table's own columns, so a column added later is presented without a change here.
 */
export function presentedColumns(table: PgTable): SQL {
  const columns = Object.entries(getTableColumns(table)).map(([property, column]) =>
    column.columnType === 'PgTimestamp'
      ? sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ${sql.identifier(property)}`
      : sql`${column} as ${sql.identifier(property)}`,
  );
  return sql.join(columns, sql`, `);
}

/** Reads the one text value of a query that builds JSON in the database. */
export async function readJsonText(
  db: { execute(query: SQL): Promise<unknown> },
  query: SQL,
): Promise<string> {
  const result = (await db.execute(query)) as { rows: Array<Record<string, unknown>> };
  return String(Object.values(result.rows[0] ?? {})[0] ?? 'null');
}

/**
 * The select list that keeps every column of `table` as stored, under its property name, for
 * rows carried inside a JSON value (`json_agg` of a sub-select) that `rowFromJson` turns back
 * into what a plain select of the table returns. JSONB goes as its text, so that it is decoded
 * exactly as the driver decodes it.
 */
export function storedColumns(table: PgTable): SQL {
  const columns = Object.entries(getTableColumns(table)).map(([property, column]) =>
    column.columnType === 'PgJsonb'
      ? sql`${column}::text as ${sql.identifier(property)}`
      : sql`${column} as ${sql.identifier(property)}`,
  );
  return sql.join(columns, sql`, `);
}

/** A row of `table` read from JSON built over `storedColumns`, with each column's own decoding. */
export function rowFromJson<T extends PgTable>(
  table: T,
  json: Record<string, unknown>,
): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [property, column] of Object.entries(getTableColumns(table))) {
    const value = json[property];
    row[property] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}
