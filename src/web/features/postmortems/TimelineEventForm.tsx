import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { type TimelineEventKind, timelineEventKinds } from '../../../domain/timeline-event.ts';
import type { TimelineEvent } from '../../api/parts-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { isoToLocalInput, localInputToIso } from '../../lib/datetime.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { postmortemLabels } from './labels.ts';

export interface TimelineEventValues {
  occurredAt: string;
  text: string;
  kind: TimelineEventKind;
  actor: string | null;
}

interface TimelineEventFormProps {
  initial?: TimelineEvent;
  submitLabel: string;
  onSubmit: (values: TimelineEventValues) => Promise<unknown>;
  onCancel?: () => void;
}

const fieldLabels = { occurredAt: 'When', text: 'What happened', kind: 'Kind', actor: 'Actor' };

/** Adds or edits one timeline event; the time is typed locally and sent as UTC. */
export function TimelineEventForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: TimelineEventFormProps) {
  const [when, setWhen] = useState(isoToLocalInput(initial?.occurredAt));
  const [text, setText] = useState(initial?.text ?? '');
  const [kind, setKind] = useState<TimelineEventKind>(initial?.kind ?? 'observation');
  const [actor, setActor] = useState(initial?.actor ?? '');
  const submit = useSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // The field shows minutes only: an untouched field keeps the stored instant to the
    // millisecond instead of moving the event to the start of its minute.
    const occurredAt =
      initial && when === isoToLocalInput(initial.occurredAt)
        ? initial.occurredAt
        : localInputToIso(when);
    if (!occurredAt) {
      return;
    }
    const done = await submit.run(async () => {
      await onSubmit({ occurredAt, text, kind, actor: actor.trim() || null });
      return true;
    });
    if (done && !initial) {
      setText('');
      setActor('');
    }
  };

  return (
    <form
      className="form"
      onSubmit={handleSubmit}
      aria-label={initial ? 'Edit timeline event' : 'Add timeline event'}
    >
      <div className="row">
        <Field label="When" required hint="Your local time">
          <input
            type="datetime-local"
            step="1"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            required
          />
        </Field>
        <Field label="Kind">
          <select value={kind} onChange={(e) => setKind(e.target.value as TimelineEventKind)}>
            {timelineEventKinds.map((value) => (
              <option key={value} value={value}>
                {postmortemLabels.timelineKind[value]}
              </option>
            ))}
          </select>
        </Field>
        {!initial && (
          <Field label="Actor" hint="Optional: a role or system">
            <input
              value={actor}
              onChange={(e) => setActor(e.target.value)}
              maxLength={limits.nameMax}
            />
          </Field>
        )}
      </div>
      <Field label="What happened" required>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={2}
          required
          maxLength={limits.longTextMax}
        />
      </Field>
      <ProblemAlert problem={submit.problem} fieldLabels={fieldLabels} />
      <div className="actions">
        <button type="submit" disabled={submit.pending}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
