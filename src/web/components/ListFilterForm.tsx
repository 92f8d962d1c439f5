import type { ReactNode } from 'react';
import { useFilters } from '../lib/use-filters.ts';
import { navigate } from '../routing/location-store.ts';
import { FilterForm } from './FilterForm.tsx';
import { TextFilter, type TextFilterProps } from './TextFilter.tsx';

/** Sets one filter of a list's form. */
export type SetFilter<T> = (key: keyof T) => (value: string) => void;

interface ListFilterFormProps<T extends { q?: string }> {
  /** The form's accessible name, e.g. "Filter incidents". */
  label: string;
  /** The submit button's text. */
  submitLabel?: string;
  /** The list's address without filters, where Clear goes. */
  listPath: string;
  /** The filters the address holds now. */
  initial: T;
  /** The list's address with `filters`: applying goes there, which reloads the list. */
  hrefOf: (filters: T) => string;
  /** The words field (`q`, first of the form): its label and what it says about what it looks in. */
  words: Pick<TextFilterProps, 'label' | 'placeholder' | 'hint' | 'maxLength'>;
  /** The list's own fields after the words, given the form's values and their setter. */
  children: (filters: T, set: SetFilter<T>) => ReactNode;
}

/**
 * A list page's filter form: its values start from the address, and applying them changes
 * the address (the list reads its filters from there, so a filtered list can be linked to).
 */
export function ListFilterForm<T extends { q?: string }>({
  label,
  submitLabel = 'Apply filters',
  listPath,
  initial,
  hrefOf,
  words,
  children,
}: ListFilterFormProps<T>) {
  const { filters, set } = useFilters(initial);
  return (
    <FilterForm
      label={label}
      submitLabel={submitLabel}
      clearHref={listPath}
      onApply={() => navigate(hrefOf(filters))}
    >
      <TextFilter {...words} type="search" value={filters.q} onChange={set('q')} />
      {children(filters, set)}
    </FilterForm>
  );
}
