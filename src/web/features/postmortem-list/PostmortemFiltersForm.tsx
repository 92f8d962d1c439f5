import { Checkbox } from '../../components/Checkbox.tsx';
import { ListFilterForm } from '../../components/ListFilterForm.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { IncidentFacetFilters } from '../incidents/IncidentFacetFilters.tsx';
import { postmortemLabels } from '../postmortems/labels.ts';
import { type PostmortemListFilters, postmortemListHref } from './postmortem-list-query.ts';

/** Search and filters of the postmortem list; applying them changes the address. */
export function PostmortemFiltersForm({ initial }: { initial: PostmortemListFilters }) {
  return (
    <ListFilterForm
      label="Filter postmortems"
      listPath="/postmortems"
      initial={initial}
      hrefOf={postmortemListHref}
      words={{ label: 'Search', placeholder: 'Title or PM number' }}
    >
      {(filters, set) => {
        const flag = (key: 'overdue' | 'mine') => (on: boolean) => set(key)(on ? 'true' : '');
        return (
          <>
            <SelectFilter
              label="Phase"
              value={filters.phase}
              options={postmortemLabels.phase}
              onChange={set('phase')}
            />
            <IncidentFacetFilters filters={filters} set={set} />
            <div className="filters-checks">
              <Checkbox
                label="Overdue"
                checked={filters.overdue === 'true'}
                onChange={flag('overdue')}
              />
              <Checkbox label="Mine" checked={filters.mine === 'true'} onChange={flag('mine')} />
            </div>
          </>
        );
      }}
    </ListFilterForm>
  );
}
