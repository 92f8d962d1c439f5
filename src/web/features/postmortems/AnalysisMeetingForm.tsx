import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { facilitationApi, type Participation } from '../../api/facilitation-api.ts';
import type { Postmortem } from '../../api/postmortems-api.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusNote } from '../../components/StatusNote.tsx';
import type { Abilities } from '../../lib/abilities.ts';
import { isoToLocalInput, localInputToIso } from '../../lib/datetime.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { postmortemLabels } from './labels.ts';

interface AnalysisMeetingFormProps {
  postmortem: Postmortem;
  /** The participants by role, to tick who attended. */
  participation: Participation;
  canEdit: boolean;
  onSaved: (result: { data: Postmortem; abilities: Abilities }) => void;
  onReload: () => void;
}

/** The meeting record the documentation step needs: when, who attended (by role), notes. */
export function AnalysisMeetingForm({
  postmortem,
  participation,
  canEdit,
  onSaved,
  onReload,
}: AnalysisMeetingFormProps) {
  const [when, setWhen] = useState(isoToLocalInput(postmortem.analysisMeetingAt));
  const [notes, setNotes] = useState(postmortem.analysisMeetingNotes);
  const [attendees, setAttendees] = useState(new Set(postmortem.analysisMeetingAttendeeIds));
  const [saved, setSaved] = useState('');
  const submit = useSubmit();
  const groups = participation.byRole.filter((group) => group.members.length > 0);

  const toggle = (id: string, on: boolean) => {
    const next = new Set(attendees);
    if (on) {
      next.add(id);
    } else {
      next.delete(id);
    }
    setAttendees(next);
  };
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    const result = await submit.run(() =>
      facilitationApi.recordMeeting(postmortem.id, postmortem.version, {
        heldAt: localInputToIso(when),
        notes,
        attendeeIds: [...attendees],
      }),
    );
    if (result) {
      setSaved('Meeting record saved.');
      onSaved(result);
    }
  };

  return (
    <form className="form card" onSubmit={handleSubmit} aria-labelledby="meeting-record-heading">
      <h3 id="meeting-record-heading">Meeting record</h3>
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
      {groups.length === 0 ? (
        <p className="muted">Add participants to record who attended.</p>
      ) : (
        <fieldset>
          <legend>Attendees</legend>
          {groups.map((group) => (
            <fieldset key={group.role} className="attendee-group">
              <legend>{postmortemLabels.participantRole[group.role]}</legend>
              {group.members.map((member) => (
                <Checkbox
                  key={member.id}
                  label={member.name}
                  checked={attendees.has(member.id)}
                  onChange={(on) => toggle(member.id, on)}
                  disabled={!canEdit}
                />
              ))}
            </fieldset>
          ))}
        </fieldset>
      )}
      <Field label="Notes">
        <textarea
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          rows={6}
          readOnly={!canEdit}
          maxLength={limits.longTextMax}
        />
      </Field>
      <ProblemAlert
        problem={submit.problem}
        onReload={onReload}
        fieldLabels={{ heldAt: 'Meeting held at', notes: 'Notes', attendeeIds: 'Attendees' }}
      />
      <StatusNote message={saved} />
      {canEdit && (
        <div className="actions">
          <button type="submit" disabled={submit.pending}>
            {submit.pending ? 'Saving…' : 'Save meeting record'}
          </button>
        </div>
      )}
    </form>
  );
}
