import type { IncidentFilters } from '../../api/incidents-api.ts';
import { FilterForm } from '../../components/FilterForm.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { TextFilter } from '../../components/TextFilter.tsx';
import { useFilters } from '../../lib/use-filters.ts';
import { navigate } from '../../routing/location-store.ts';
import { incidentListHref } from './filters-from-query.ts';
import { incidentLabels } from './labels.ts';

/** The incident list's filters; applying them changes the address, which reloads the list. */
export function IncidentFiltersForm({ initial }: { initial: IncidentFilters }) {
  const { filters, set } = useFilters(initial);
  return (
    <FilterForm
      label="Filter incidents"
      submitLabel="Apply filters"
      clearHref="/incidents"
      onApply={() => navigate(incidentListHref(filters))}
    >
      <TextFilter
        label="Search"
        type="search"
        value={filters.q}
        onChange={set('q')}
        placeholder="Title or summary"
      />
      <SelectFilter
        label="Kind"
        value={filters.kind}
        options={incidentLabels.kind}
        onChange={set('kind')}
      />
      <SelectFilter
        label="Severity"
        value={filters.severity}
        options={incidentLabels.severity}
        onChange={set('severity')}
      />
      <SelectFilter
        label="Status"
        value={filters.status}
        options={incidentLabels.status}
        onChange={set('status')}
      />
      <TextFilter label="Service" value={filters.service} onChange={set('service')} />
      <TextFilter label="Started from" type="date" value={filters.from} onChange={set('from')} />
      <TextFilter label="Started before" type="date" value={filters.to} onChange={set('to')} />
    </FilterForm>
  );
}
