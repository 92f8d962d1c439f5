import { SelectFilter } from '../../components/SelectFilter.tsx';
import { TextFilter } from '../../components/TextFilter.tsx';
import { incidentLabels } from './labels.ts';

/** The incident facets every list of incidents or postmortems filters by, as address values. */
export interface IncidentFacets {
  severity?: string;
  kind?: string;
  service?: string;
}

interface IncidentFacetFiltersProps {
  /** The form's values. */
  filters: IncidentFacets;
  /** The form's setter of one value. */
  set: (key: keyof IncidentFacets) => (value: string) => void;
  /** The kind field's label: on the incident list the kind is plainly the incident's. */
  kindLabel?: 'Kind' | 'Incident kind';
}

/**
 * Severity, incident kind and service: the fields the incident list, the postmortem list and
 * search share, under the same address keys (`severity`, `kind`, `service`) on every page.
 */
export function IncidentFacetFilters({
  filters,
  set,
  kindLabel = 'Incident kind',
}: IncidentFacetFiltersProps) {
  return (
    <>
      <SelectFilter
        label="Severity"
        value={filters.severity}
        options={incidentLabels.severity}
        onChange={set('severity')}
      />
      <SelectFilter
        label={kindLabel}
        value={filters.kind}
        options={incidentLabels.kind}
        onChange={set('kind')}
      />
      <TextFilter label="Service" value={filters.service} onChange={set('service')} />
    </>
  );
}
