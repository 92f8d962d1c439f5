/**
 * The rows whose text or actor contains `query` (any case, surrounding spaces ignored); all of
 * them, as the same array, when the query is empty.
 */
export function findInRows<R extends { data: { text: string; actor: string | null } }>(
  rows: readonly R[],
  query: string,
): readonly R[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) {
    return rows;
  }
  return rows.filter(
    ({ data }) =>
      data.text.toLocaleLowerCase().includes(needle) ||
      (data.actor ?? '').toLocaleLowerCase().includes(needle),
  );
}
