import { useMemo, useState } from 'react';
import { timelineEventKinds, timelineSources } from '../../../domain/timeline-event.ts';
import type { TimelineEvent } from '../../api/parts-api.ts';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { formatInstant } from '../../lib/datetime.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import { type EvidenceFilter, filterEvidenceEvents, noEvidenceFilter } from './filter-evidence.ts';

interface EvidencePickerProps {
  events: TimelineEvent[];
  chosen: string[];
  onToggle: (id: string, on: boolean) => void;
}

/** How many matches are listed at once; a long timeline is searched, not scrolled. */
const shownAtMost = 100;

/** Timeline events to cite as evidence, searchable by words and filtered by kind, source and time. */
export function EvidencePicker({ events, chosen, onToggle }: EvidencePickerProps) {
  const [filter, setFilter] = useState<EvidenceFilter>(noEvidenceFilter);
  const set = (change: Partial<EvidenceFilter>) =>
    setFilter((current) => ({ ...current, ...change }));
  const matches = useMemo(
    () => filterEvidenceEvents(events, filter, chosen),
    [events, filter, chosen],
  );
  const shown = matches.slice(0, shownAtMost);
  return (
    <fieldset className="why-evidence">
      <legend>Evidence from the timeline</legend>
      {events.length === 0 ? (
        <p className="hint">The timeline has no events to cite yet.</p>
      ) : (
        <div className="filters evidence-filters">
          <div className="field">
            <label>
              <span className="field-label">Search the timeline</span>
              <input
                type="search"
                value={filter.query}
                onChange={(e) => set({ query: e.target.value })}
              />
            </label>
          </div>
          <SelectFilter
            label="Kind"
            value={filter.kind}
            options={timelineEventKinds.map((k) => [k, postmortemLabels.timelineKind[k]] as const)}
            onChange={(kind) => set({ kind })}
          />
          <SelectFilter
            label="Source"
            value={filter.source}
            options={timelineSources.map((s) => [s, postmortemLabels.timelineSource[s]] as const)}
            onChange={(source) => set({ source })}
          />
          <div className="field">
            <label>
              <span className="field-label">From</span>
              <input
                type="datetime-local"
                value={filter.from}
                onChange={(e) => set({ from: e.target.value })}
              />
            </label>
          </div>
          <div className="field">
            <label>
              <span className="field-label">To</span>
              <input
                type="datetime-local"
                value={filter.to}
                onChange={(e) => set({ to: e.target.value })}
              />
            </label>
          </div>
        </div>
      )}
      {events.length > 0 && matches.length === 0 && <p className="hint">No event matches.</p>}
      {shown.map((event) => (
        <label key={event.id} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(event.id)}
            onChange={(e) => onToggle(event.id, e.target.checked)}
          />
          <span>
            {formatInstant(event.occurredAt)} — {event.text.slice(0, 140)}
          </span>
        </label>
      ))}
      {matches.length > shown.length && (
        <p className="hint">
          {matches.length - shown.length} more events match: narrow the search to see them.
        </p>
      )}
    </fieldset>
  );
}
