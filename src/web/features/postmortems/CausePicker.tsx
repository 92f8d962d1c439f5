import { useId, useState } from 'react';
import type { Cause } from '../../api/action-items-api.ts';
import { Checkbox } from '../../components/Checkbox.tsx';

interface CausePickerProps {
  causes: Cause[];
  /** Ids of the picked causes (why-nodes and factors alike). */
  picked: string[];
  onChange: (picked: string[]) => void;
}

const causeLabel = (cause: Cause) =>
  `${cause.isRootCause ? 'Root cause' : 'Contributing factor'}: ${cause.text}`;

/** Picks the causes an item addresses, from the review's one list, filtered as you type. */
export function CausePicker({ causes, picked, onChange }: CausePickerProps) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const needle = query.trim().toLowerCase();
  const shown = causes.filter(
    (cause) => picked.includes(cause.id) || !needle || cause.text.toLowerCase().includes(needle),
  );
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...picked, id] : picked.filter((other) => other !== id));

  return (
    <fieldset className="cause-picker">
      <legend>Addresses causes</legend>
      <label htmlFor={searchId} className="field-label">
        Find a cause
      </label>
      <input
        id={searchId}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="Type part of a root cause or factor"
      />
      {shown.length === 0 ? (
        <p className="hint">No cause matches “{query}”.</p>
      ) : (
        shown.map((cause) => (
          <Checkbox
            key={cause.id}
            label={causeLabel(cause)}
            checked={picked.includes(cause.id)}
            onChange={(on) => toggle(cause.id, on)}
          />
        ))
      )}
    </fieldset>
  );
}
