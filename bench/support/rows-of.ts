/**
 * The rows of what `db.execute()` answered, as `T`: drizzle types the result by driver, and both
 * of ours (node-postgres and PGlite) answer an object whose `rows` are the statement's rows.
 */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
