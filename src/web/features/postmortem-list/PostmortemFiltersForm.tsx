import { Checkbox } from '../../components/Checkbox.tsx';
import { ListFilterForm } from '../../components/ListFilterForm.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { TextFilter } from '../../components/TextFilter.tsx';
import { incidentLabels } from '../incidents/labels.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import { type PostmortemListFilters, postmortemListHref } from './postmortem-list-query.ts';

/** Search and filters of the postmortem list; applying them changes the address. */
export function PostmortemFiltersForm({ initial }: { initial: PostmortemListFilters }) {
  return (
    <ListFilterForm
      noun="postmortems"
      listPath="/postmortems"
      initial={initial}
      hrefOf={postmortemListHref}
      searchPlaceholder="Title or PM number"
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
