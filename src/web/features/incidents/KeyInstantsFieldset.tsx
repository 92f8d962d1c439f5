import {
  instantPrecisions,
  type KeyInstantName,
  keyInstantNames,
} from '../../../domain/incident.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import type { KeyInstantValues } from './edit-incident-values.ts';
import { incidentLabels, labelOf } from './labels.ts';

interface KeyInstantsFieldsetProps {
  instants: Record<KeyInstantName, KeyInstantValues>;
  onChange: (name: KeyInstantName, value: KeyInstantValues) => void;
}

/**
 * Every key instant with its provenance: when (the browser's zone), which source said so,
 * and whether it is exact or estimated. Typing a new time makes the person its source.
 */
export function KeyInstantsFieldset({ instants, onChange }: KeyInstantsFieldsetProps) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <fieldset className="key-instants-fieldset">
      <legend>Key instants (your local time, {zone}; stored as UTC)</legend>
      <datalist id="instant-sources">
        {Object.entries(postmortemLabels.timelineSource).map(([value, label]) => (
          <option key={value} value={value} label={label} />
        ))}
      </datalist>
      {keyInstantNames.map((name) => {
        const instant = instants[name];
        const label = incidentLabels.instant[name];
        return (
          <fieldset className="row instant-row" key={name}>
            <legend className="visually-hidden">{label}</legend>
            <div className="field">
              <label>
                <span className="field-label">{label} at</span>
                <input
                  type="datetime-local"
                  value={instant.at}
                  onChange={(e) =>
                    onChange(name, { ...instant, at: e.target.value, source: 'manual' })
                  }
                />
              </label>
            </div>
            <div className="field">
              <label>
                <span className="field-label">{label}: source</span>
                <input
                  list="instant-sources"
                  value={instant.source}
                  maxLength={50}
                  onChange={(e) => onChange(name, { ...instant, source: e.target.value })}
                />
              </label>
            </div>
            <div className="field">
              <label>
                <span className="field-label">{label}: precision</span>
                <select
                  value={instant.precision}
                  onChange={(e) =>
                    onChange(name, {
                      ...instant,
                      precision: e.target.value as KeyInstantValues['precision'],
                    })
                  }
                >
                  {instantPrecisions.map((precision) => (
                    <option key={precision} value={precision}>
                      {labelOf(incidentLabels.precision, precision)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </fieldset>
        );
      })}
    </fieldset>
  );
}
