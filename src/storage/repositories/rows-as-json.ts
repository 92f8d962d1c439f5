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
