import { type FormEvent, useState } from 'react';
import { searchLimits } from '../../../contracts/search.ts';
import type { SearchParams } from '../../api/search-api.ts';
import { Field } from '../../components/Field.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { navigate } from '../../routing/location-store.ts';
import { incidentLabels } from '../incidents/labels.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import { searchHref } from './search-query.ts';

const entries = (map: Record<string, string>) => Object.entries(map);

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
  const [params, setParams] = useState<SearchParams>({ ...initial, offset: undefined });
  const set = (key: keyof SearchParams) => (value: string) =>
    setParams((current) => ({ ...current, [key]: value }));

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(searchHref({ ...params, offset: undefined }));
  };

  return (
    <form className="filters" onSubmit={handleSubmit} aria-label="Search filters">
      <Field label="Words" hint='"exact phrase", or, -excluded'>
        <input
          type="search"
          value={params.q ?? ''}
          maxLength={searchLimits.queryMax}
          onChange={(e) => set('q')(e.target.value)}
        />
      </Field>
      <SelectFilter
        label="Severity"
        value={params.severity ?? ''}
        options={entries(incidentLabels.severity)}
        onChange={set('severity')}
      />
      <SelectFilter
        label="Incident kind"
        value={params.kind ?? ''}
        options={entries(incidentLabels.kind)}
        onChange={set('kind')}
      />
      <SelectFilter
        label="Phase"
        value={params.phase ?? ''}
        options={entries(postmortemLabels.phase)}
        onChange={set('phase')}
      />
      <SelectFilter
        label="Factor category"
        value={params.category ?? ''}
        options={categories}
        onChange={set('category')}
      />
      <SelectFilter
        label="Published report"
        value={params.published ?? ''}
        options={publishedOptions}
        onChange={set('published')}
      />
      <Field label="Service">
        <input value={params.service ?? ''} onChange={(e) => set('service')(e.target.value)} />
      </Field>
      <Field label="Started from">
        <input
          type="date"
          value={params.from ?? ''}
          onChange={(e) => set('from')(e.target.value)}
        />
      </Field>
      <Field label="Started until">
        <input type="date" value={params.to ?? ''} onChange={(e) => set('to')(e.target.value)} />
      </Field>
      <div className="filters-actions">
        <button type="submit">Search</button>
        <button type="button" className="secondary" onClick={() => navigate('/search')}>
          Clear
        </button>
      </div>
    </form>
  );
}
