import { searchLimits } from '../../../contracts/search.ts';
import type { SearchParams } from '../../api/search-api.ts';
import { ListFilterForm } from '../../components/ListFilterForm.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { TextFilter } from '../../components/TextFilter.tsx';
import { IncidentFacetFilters } from '../incidents/IncidentFacetFilters.tsx';
import { postmortemLabels } from '../postmortems/labels.ts';
import { searchHref } from './search-query.ts';

/** "sev1 without a published report": internal or public, as the API's `published`. */
const publishedOptions = [
  ['true', 'Published'],
  ['false', 'Not published'],
] as const;

/** Words and filters of the search page; searching changes the address. */
export function SearchFiltersForm({
  initial,
  categories,
}: {
  initial: SearchParams;
  categories: ReadonlyArray<readonly [string, string]>;
}) {
  return (
    <ListFilterForm
      label="Search filters"
      submitLabel="Search"
      listPath="/search"
      // A new search starts at its first page.
      initial={{ ...initial, offset: undefined }}
      hrefOf={searchHref}
      words={{
        label: 'Words',
        hint: '"exact phrase", or, -excluded',
        maxLength: searchLimits.queryMax,
      }}
    >
      {(filters, set) => (
        <>
          <IncidentFacetFilters filters={filters} set={set} />
          <SelectFilter
            label="Phase"
            value={filters.phase}
            options={postmortemLabels.phase}
            onChange={set('phase')}
          />
          <SelectFilter
            label="Factor category"
            value={filters.category}
            options={categories}
            onChange={set('category')}
          />
          <SelectFilter
            label="Published report"
            value={filters.published}
            options={publishedOptions}
            onChange={set('published')}
          />
          <TextFilter
            label="Started from"
            type="date"
            value={filters.from}
            onChange={set('from')}
          />
          <TextFilter label="Started until" type="date" value={filters.to} onChange={set('to')} />
        </>
      )}
    </ListFilterForm>
  );
}
