/** Base path of the JSON API. */
export const apiBase = '/api/v1';

/** Query-string values by name; `undefined` and `''` are left out. */
export type ApiQuery = Record<string, string | number | undefined>;

/** The address of an API path with its query, as every request and early read spells it. */
export function apiUrl(path: string, query?: ApiQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return `${apiBase}${path}${search ? `?${search}` : ''}`;
}
