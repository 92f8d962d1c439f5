import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';

/** Waives one blameless finding with a reason that goes on record. */
export function WaiveFindingForm({
  excerpt,
  onWaive,
}: {
  excerpt: string;
  onWaive: (reason: string) => Promise<unknown>;
}) {
  const [reason, setReason] = useState('');
  const submit = useSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submit.run(() => onWaive(reason));
  };

  return (
    <form className="form inline-form" onSubmit={handleSubmit} aria-label={`Waive “${excerpt}”`}>
      <Field label={`Reason to keep “${excerpt}”`}>
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          maxLength={limits.shortTextMax}
        />
      </Field>
      <ProblemAlert problem={submit.problem} fieldLabels={{ reason: 'Reason' }} />
      <div className="actions">
        <button type="submit" className="secondary" disabled={submit.pending}>
          Waive
        </button>
      </div>
    </form>
  );
}
