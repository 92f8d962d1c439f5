import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { type Postmortem, postmortemsApi } from '../../api/postmortems-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusNote } from '../../components/StatusNote.tsx';
import type { Abilities } from '../../lib/abilities.ts';
import { isoToLocalInput, localInputToIso } from '../../lib/datetime.ts';
import { useSubmit } from '../../lib/use-submit.ts';

interface AnalysisMeetingFormProps {
  postmortem: Postmortem;
  canEdit: boolean;
  onSaved: (result: { data: Postmortem; abilities: Abilities }) => void;
  onReload: () => void;
}

/** When the analysis meeting took place, and its notes. */
export function AnalysisMeetingForm({
  postmortem,
  canEdit,
  onSaved,
  onReload,
}: AnalysisMeetingFormProps) {
  const [when, setWhen] = useState(isoToLocalInput(postmortem.analysisMeetingAt));
  const [notes, setNotes] = useState(postmortem.analysisMeetingNotes);
  const [saved, setSaved] = useState('');
  const submit = useSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    const result = await submit.run(() =>
      postmortemsApi.update(postmortem.id, postmortem.version, {
        analysisMeetingAt: localInputToIso(when),
        analysisMeetingNotes: notes,
      }),
    );
    if (result) {
      setSaved('Analysis meeting saved.');
      onSaved(result);
    }
  };

  return (
    <form className="form" onSubmit={handleSubmit} aria-label="Analysis meeting">
      <h2>Analysis meeting</h2>
      <p className="muted">
        Walk the timeline together, name the contributing factors, and capture open questions.
      </p>
      <Field
        label="Meeting held at"
        hint="Your local time; leave empty if it has not happened yet."
      >
        <input
          type="datetime-local"
          value={when}
          onChange={(e) => setWhen(e.target.value)}
          readOnly={!canEdit}
        />
      </Field>
      <Field label="Notes">
        <textarea
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          rows={8}
          readOnly={!canEdit}
          maxLength={limits.longTextMax}
        />
      </Field>
      <ProblemAlert
        problem={submit.problem}
        onReload={onReload}
        fieldLabels={{ analysisMeetingAt: 'Meeting held at', analysisMeetingNotes: 'Notes' }}
      />
      <StatusNote message={saved} />
      {canEdit && (
        <div className="actions">
          <button type="submit" disabled={submit.pending}>
            {submit.pending ? 'Saving…' : 'Save meeting'}
          </button>
        </div>
      )}
    </form>
  );
}
