import type { IncidentFilters } from '../../api/incidents-api.ts';
import { ListFilterForm } from '../../components/ListFilterForm.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { TextFilter } from '../../components/TextFilter.tsx';
import { incidentListHref } from './filters-from-query.ts';
import { incidentLabels } from './labels.ts';

/** The incident list's filters; applying them changes the address, which reloads the list. */
export function IncidentFiltersForm({ initial }: { initial: IncidentFilters }) {
  return (
    <ListFilterForm
      noun="incidents"
      listPath="/incidents"
      initial={initial}
      hrefOf={incidentListHref}
      searchPlaceholder="Title or summary"
    >
      {(filters, set) => (
        <>
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
