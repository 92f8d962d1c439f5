import { type FormEvent, useState } from 'react';
import { type TimelineEventKind, timelineEventKinds } from '../../../domain/timeline-event.ts';
import { personalAccountsApi } from '../../api/personal-accounts-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { localInputToIso } from '../../lib/datetime.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { postmortemLabels } from '../postmortems/labels.ts';

interface PinMomentFormProps {
  accountId: string;
  excerpt: string;
  onPinned: () => void;
  onCancel: () => void;
}

/** Pins a moment of an account into the timeline: its words, when it happened, its kind. */
export function PinMomentForm({
  accountId,
  excerpt: initial,
  onPinned,
  onCancel,
}: PinMomentFormProps) {
  const [excerpt, setExcerpt] = useState(initial);
  const [when, setWhen] = useState('');
  const [kind, setKind] = useState<TimelineEventKind>('observation');
  const submit = useSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const occurredAt = localInputToIso(when);
    if (!occurredAt) {
      return;
    }
    if (await submit.run(() => personalAccountsApi.pin(accountId, { excerpt, occurredAt, kind }))) {
      onPinned();
    }
  };

  return (
    <form className="inline-form card" onSubmit={handleSubmit}>
      <Field label="Moment (words from the account)" required>
        <textarea rows={2} value={excerpt} required onChange={(e) => setExcerpt(e.target.value)} />
      </Field>
      <Field label="When (your local time)" required>
        <input
          type="datetime-local"
          step="1"
          value={when}
          required
          onChange={(e) => setWhen(e.target.value)}
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
      <ProblemAlert
        problem={submit.problem}
        fieldLabels={{ excerpt: 'Moment', occurredAt: 'When' }}
      />
      <div className="actions">
        <button type="submit" disabled={submit.pending}>
          Pin to timeline
        </button>
        <button type="button" className="link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
