import {
  type TimelineEventStatus,
  timelineEventKinds,
  timelineEventStatuses,
  timelineSources,
} from '../../../domain/timeline-event.ts';
import type { TimelineFilters } from '../../api/timeline-api.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { postmortemLabels } from '../postmortems/labels.ts';

interface TimelineFiltersBarProps {
  filters: TimelineFilters;
  onChange: (filters: TimelineFilters) => void;
}

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => [value, labels[value]] as const);

/** Source, review status, kind and pinned filters of the timeline. */
export function TimelineFiltersBar({ filters, onChange }: TimelineFiltersBarProps) {
  return (
    <fieldset className="filters timeline-filters">
      <legend className="visually-hidden">Filter events</legend>
      <SelectFilter
        label="Source"
        value={filters.sources.join(',')}
        options={options(timelineSources, postmortemLabels.timelineSource)}
        onChange={(value) => onChange({ ...filters, sources: value ? value.split(',') : [] })}
      />
      <SelectFilter
        label="Review"
        value={filters.statuses.join(',')}
        options={options(timelineEventStatuses, postmortemLabels.timelineStatus)}
        onChange={(value) =>
          onChange({
            ...filters,
            statuses: value ? (value.split(',') as TimelineEventStatus[]) : [],
          })
        }
      />
      <SelectFilter
        label="Kind"
        value={filters.kinds.join(',')}
        options={options(timelineEventKinds, postmortemLabels.timelineKind)}
        onChange={(value) => onChange({ ...filters, kinds: value ? value.split(',') : [] })}
      />
      <Checkbox
        label="Pinned only"
        checked={filters.pinnedOnly}
        onChange={(pinnedOnly) => onChange({ ...filters, pinnedOnly })}
      />
    </fieldset>
  );
}
