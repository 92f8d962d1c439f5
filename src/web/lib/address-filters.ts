/** How one page keeps its filters in its address: which keys, read and written alike. */
export interface AddressFilters<K extends string> {
  /** The filters a query string holds, trimmed; empty values and other keys are left out. */
  fromQuery: (query: URLSearchParams) => Partial<Record<K, string>>;
  /** The page's address with these filters, in the order of the keys; empty values left out. */
  href: (filters: Partial<Record<K, string | undefined>>) => string;
}

/**
 * The filters of the page at `path`, kept in its address under `keys`: a filtered page can be
 * linked to, and the page reads its filters from where its form wrote them.
 */
export function addressFilters<K extends string>(
  path: string,
  keys: readonly K[],
): AddressFilters<K> {
  return {
    fromQuery(query) {
      const filters: Partial<Record<K, string>> = {};
      for (const key of keys) {
        const value = query.get(key)?.trim();
        if (value) {
          filters[key] = value;
        }
      }
      return filters;
    },
    href(filters) {
      const query = new URLSearchParams();
      for (const key of keys) {
        const value = filters[key]?.trim();
        if (value) {
          query.set(key, value);
        }
      }
      const text = query.toString();
      return text ? `${path}?${text}` : path;
    },
  };
}
