import { Checkbox } from '../../components/Checkbox.tsx';
import { FilterForm } from '../../components/FilterForm.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { TextFilter } from '../../components/TextFilter.tsx';
import { useFilters } from '../../lib/use-filters.ts';
import { navigate } from '../../routing/location-store.ts';
import { incidentLabels } from '../incidents/labels.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import { type PostmortemListFilters, postmortemListHref } from './postmortem-list-query.ts';

/** Search and filters of the postmortem list; applying them changes the address. */
export function PostmortemFiltersForm({ initial }: { initial: PostmortemListFilters }) {
  const { filters, set } = useFilters(initial);
  const flag = (key: 'overdue' | 'mine') => (on: boolean) => set(key)(on ? 'true' : '');
  return (
    <FilterForm
      label="Filter postmortems"
      submitLabel="Apply filters"
      clearHref="/postmortems"
      onApply={() => navigate(postmortemListHref(filters))}
    >
      <TextFilter
        label="Search"
        type="search"
        value={filters.q}
        onChange={set('q')}
        placeholder="Title or PM number"
      />
      <SelectFilter
        label="Phase"
        value={filters.phase}
        options={postmortemLabels.phase}
        onChange={set('phase')}
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
      <TextFilter label="Service" value={filters.service} onChange={set('service')} />
      <div className="filters-checks">
        <Checkbox label="Overdue" checked={filters.overdue === 'true'} onChange={flag('overdue')} />
        <Checkbox label="Mine" checked={filters.mine === 'true'} onChange={flag('mine')} />
      </div>
    </FilterForm>
  );
}
