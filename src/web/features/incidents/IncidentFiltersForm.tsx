import type { IncidentFilters } from '../../api/incidents-api.ts';
import { ListFilterForm } from '../../components/ListFilterForm.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { TextFilter } from '../../components/TextFilter.tsx';
import { incidentListHref } from './filters-from-query.ts';
import { IncidentFacetFilters } from './IncidentFacetFilters.tsx';
import { incidentLabels } from './labels.ts';

/** The incident list's filters; applying them changes the address, which reloads the list. */
export function IncidentFiltersForm({ initial }: { initial: IncidentFilters }) {
  return (
    <ListFilterForm
      label="Filter incidents"
      listPath="/incidents"
      initial={initial}
      hrefOf={incidentListHref}
      words={{ label: 'Search', placeholder: 'Title or summary' }}
    >
      {(filters, set) => (
        <>
          <IncidentFacetFilters filters={filters} set={set} kindLabel="Kind" />
          <SelectFilter
            label="Status"
            value={filters.status}
            options={incidentLabels.status}
            onChange={set('status')}
          />
          <TextFilter
            label="Started from"
            type="date"
            value={filters.from}
            onChange={set('from')}
          />
          <TextFilter label="Started before" type="date" value={filters.to} onChange={set('to')} />
        </>
      )}
    </ListFilterForm>
  );
}
