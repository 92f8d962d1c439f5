import { searchLimits } from '../../../contracts/search.ts';
import type { SearchParams } from '../../api/search-api.ts';
import { FilterForm } from '../../components/FilterForm.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { TextFilter } from '../../components/TextFilter.tsx';
import { useFilters } from '../../lib/use-filters.ts';
import { navigate } from '../../routing/location-store.ts';
import { incidentLabels } from '../incidents/labels.ts';
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
  const { filters, set } = useFilters<SearchParams>({ ...initial, offset: undefined });
  return (
    <FilterForm
      label="Search filters"
      submitLabel="Search"
      clearHref="/search"
      onApply={() => navigate(searchHref({ ...filters, offset: undefined }))}
    >
      <TextFilter
        label="Words"
        hint='"exact phrase", or, -excluded'
        type="search"
        value={filters.q}
        maxLength={searchLimits.queryMax}
        onChange={set('q')}
      />
      <SelectFilter
        label="Severity"
        value={filters.severity}
        options={incidentLabels.severity}
        onChange={set('severity')}
      />
      <SelectFilter
        label="Incident kind"
        value={filters.kind}
        options={incidentLabels.kind}
        onChange={set('kind')}
      />
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
      <TextFilter label="Service" value={filters.service} onChange={set('service')} />
      <TextFilter label="Started from" type="date" value={filters.from} onChange={set('from')} />
      <TextFilter label="Started until" type="date" value={filters.to} onChange={set('to')} />
    </FilterForm>
  );
}
