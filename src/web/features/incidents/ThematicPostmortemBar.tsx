import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { postmortemsApi } from '../../api/postmortems-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { plural } from '../../lib/plural.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { navigate } from '../../routing/location-store.ts';

interface ThematicPostmortemBarProps {
  incidentIds: string[];
  onClear: () => void;
}

/** Opens one thematic postmortem over the ticked incidents, named after its theme. */
export function ThematicPostmortemBar({ incidentIds, onClear }: ThematicPostmortemBarProps) {
  const [title, setTitle] = useState('');
  const submit = useSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await submit.run(() =>
      postmortemsApi.create({ incidentIds, scope: 'thematic', title }),
    );
    if (created) {
      navigate(`/postmortems/${created.data.id}`);
    }
  };

  return (
    <form className="card selection-bar" onSubmit={handleSubmit} aria-label="Thematic postmortem">
      <p>
        <strong>{plural(incidentIds.length, 'incident')} selected.</strong> Review them together in
        one thematic postmortem:
      </p>
      <div className="row">
        <Field label="Theme" required hint="e.g. Recurring cache evictions">
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            maxLength={limits.titleMax}
          />
        </Field>
      </div>
      <ProblemAlert
        problem={submit.problem}
        fieldLabels={{ title: 'Theme', incidentIds: 'Incidents' }}
      />
      <div className="actions">
        <button type="submit" disabled={submit.pending || incidentIds.length < 2}>
          Open thematic postmortem
        </button>
        <button type="button" className="secondary" onClick={onClear}>
          Clear selection
        </button>
      </div>
    </form>
  );
}
