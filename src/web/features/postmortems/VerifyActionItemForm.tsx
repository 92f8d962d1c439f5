import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import type { VerifyActionItemBody } from '../../api/action-items-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';

interface VerifyActionItemFormProps {
  title: string;
  onSubmit: (body: VerifyActionItemBody) => Promise<unknown>;
  onCancel: () => void;
}

const fieldLabels = { evidence: 'Evidence link', note: 'What was checked' };

/** Verifies a done item: a link to the proof and, optionally, what was checked. */
export function VerifyActionItemForm({ title, onSubmit, onCancel }: VerifyActionItemFormProps) {
  const [evidence, setEvidence] = useState('');
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submit.run(() => onSubmit({ evidence: evidence.trim(), note: note.trim() || null }));
  };
  return (
    <form className="form" onSubmit={handleSubmit} aria-label={`Verify ${title}`}>
      <Field
        label="Evidence link"
        required
        hint="A merged change, a tracker issue, a runbook, an alert that fired, a game-day note."
      >
        <input
          type="url"
          required
          value={evidence}
          onChange={(e) => setEvidence(e.target.value)}
          placeholder="https://"
        />
      </Field>
      <Field label="What was checked">
        <textarea
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={limits.longTextMax}
        />
      </Field>
      <ProblemAlert problem={submit.problem} fieldLabels={fieldLabels} />
      <div className="actions">
        <button type="submit" disabled={submit.pending}>
          Mark verified
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
