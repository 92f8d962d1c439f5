import type { ReactNode } from 'react';
import { useFilters } from '../lib/use-filters.ts';
import { navigate } from '../routing/location-store.ts';
import { FilterForm } from './FilterForm.tsx';
import { TextFilter } from './TextFilter.tsx';

/** Sets one filter of a list's form. */
export type SetFilter<T> = (key: keyof T) => (value: string) => void;

interface ListFilterFormProps<T extends { q?: string }> {
  /** What the list holds: the form is named "Filter <noun>". */
  noun: string;
  /** The list's address without filters, where Clear goes. */
  listPath: string;
  /** The filters the address holds now. */
  initial: T;
  /** The list's address with `filters`: applying goes there, which reloads the list. */
  hrefOf: (filters: T) => string;
  /** What the list's search (`q`) looks in, shown in the empty field. */
  searchPlaceholder: string;
  /** The list's own fields after Search, given the form's values and their setter. */
  children: (filters: T, set: SetFilter<T>) => ReactNode;
}

/**
 * A list page's filter form: its values start from the address, and applying them changes
 * the address (the list reads its filters from there, so a filtered list can be linked to).
 */
export function ListFilterForm<T extends { q?: string }>({
  noun,
  listPath,
  initial,
  hrefOf,
  searchPlaceholder,
  children,
}: ListFilterFormProps<T>) {
  const { filters, set } = useFilters(initial);
  return (
    <FilterForm
      label={`Filter ${noun}`}
      submitLabel="Apply filters"
      clearHref={listPath}
      onApply={() => navigate(hrefOf(filters))}
    >
      <TextFilter
        label="Search"
        type="search"
        value={filters.q}
        onChange={set('q')}
        placeholder={searchPlaceholder}
      />
      {children(filters, set)}
    </FilterForm>
  );
}
