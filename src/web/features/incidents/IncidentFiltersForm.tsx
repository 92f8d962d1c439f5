import { type FormEvent, useState } from 'react';
import type { IncidentFilters } from '../../api/incidents-api.ts';
import { Field } from '../../components/Field.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { navigate } from '../../routing/location-store.ts';
import { incidentListHref } from './filters-from-query.ts';
import { incidentLabels } from './labels.ts';

const entries = (map: Record<string, string>) => Object.entries(map);

/** The incident list's filters; applying them changes the address, which reloads the list. */
export function IncidentFiltersForm({ initial }: { initial: IncidentFilters }) {
  const [filters, setFilters] = useState<IncidentFilters>(initial);
  const set = (key: keyof IncidentFilters) => (value: string) =>
    setFilters((current) => ({ ...current, [key]: value }));

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(incidentListHref(filters));
  };

  return (
    <form className="filters" onSubmit={handleSubmit} aria-label="Filter incidents">
      <Field label="Search">
        <input
          type="search"
          value={filters.q ?? ''}
          onChange={(e) => set('q')(e.target.value)}
          placeholder="Title or summary"
        />
      </Field>
      <SelectFilter
        label="Kind"
        value={filters.kind ?? ''}
        options={entries(incidentLabels.kind)}
        onChange={set('kind')}
      />
      <SelectFilter
        label="Severity"
        value={filters.severity ?? ''}
        options={entries(incidentLabels.severity)}
        onChange={set('severity')}
      />
      <SelectFilter
        label="Status"
        value={filters.status ?? ''}
        options={entries(incidentLabels.status)}
        onChange={set('status')}
      />
      <Field label="Service">
        <input value={filters.service ?? ''} onChange={(e) => set('service')(e.target.value)} />
      </Field>
      <Field label="Started from">
        <input
          type="date"
          value={filters.from ?? ''}
          onChange={(e) => set('from')(e.target.value)}
        />
      </Field>
      <Field label="Started before">
        <input type="date" value={filters.to ?? ''} onChange={(e) => set('to')(e.target.value)} />
      </Field>
      <div className="filters-actions">
        <button type="submit">Apply filters</button>
        <button type="button" className="secondary" onClick={() => navigate('/incidents')}>
          Clear
        </button>
      </div>
    </form>
  );
}
