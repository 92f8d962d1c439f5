import { type FormEvent, useState } from 'react';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Field } from '../../components/Field.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { navigate } from '../../routing/location-store.ts';
import { incidentLabels } from '../incidents/labels.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import { type PostmortemListFilters, postmortemListHref } from './postmortem-list-query.ts';

const entries = (map: Record<string, string>) => Object.entries(map);

/** Search and filters of the postmortem list; applying them changes the address. */
export function PostmortemFiltersForm({ initial }: { initial: PostmortemListFilters }) {
  const [filters, setFilters] = useState(initial);
  const set = (key: keyof PostmortemListFilters) => (value: string) =>
    setFilters((current) => ({ ...current, [key]: value }));
  const flag = (key: 'overdue' | 'mine') => (on: boolean) => set(key)(on ? 'true' : '');

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(postmortemListHref(filters));
  };

  return (
    <form className="filters" onSubmit={handleSubmit} aria-label="Filter postmortems">
      <Field label="Search">
        <input
          type="search"
          value={filters.q ?? ''}
          onChange={(e) => set('q')(e.target.value)}
          placeholder="Title or PM number"
        />
      </Field>
      <SelectFilter
        label="Phase"
        value={filters.phase ?? ''}
        options={entries(postmortemLabels.phase)}
        onChange={set('phase')}
      />
      <SelectFilter
        label="Severity"
        value={filters.severity ?? ''}
        options={entries(incidentLabels.severity)}
        onChange={set('severity')}
      />
      <SelectFilter
        label="Incident kind"
        value={filters.kind ?? ''}
        options={entries(incidentLabels.kind)}
        onChange={set('kind')}
      />
      <Field label="Service">
        <input value={filters.service ?? ''} onChange={(e) => set('service')(e.target.value)} />
      </Field>
      <div className="filters-checks">
        <Checkbox label="Overdue" checked={filters.overdue === 'true'} onChange={flag('overdue')} />
        <Checkbox label="Mine" checked={filters.mine === 'true'} onChange={flag('mine')} />
      </div>
      <div className="filters-actions">
        <button type="submit">Apply filters</button>
        <button type="button" className="secondary" onClick={() => navigate('/postmortems')}>
          Clear
        </button>
      </div>
    </form>
  );
}
