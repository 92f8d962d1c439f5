import { useState } from 'react';

/** A filter form's values, starting from `initial` (read from the address), and a setter per key. */
export function useFilters<T extends object>(initial: T) {
  const [filters, setFilters] = useState<T>(initial);
  const set = (key: keyof T) => (value: string) =>
    setFilters((current) => ({ ...current, [key]: value }));
  return { filters, set };
}
