import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { type PostmortemPhase, postmortemPhases } from '../../../domain/postmortem-phases.ts';
import { type Postmortem, postmortemsApi } from '../../api/postmortems-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { Abilities } from '../../lib/abilities.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { postmortemLabels } from './labels.ts';

interface MoveBackFormProps {
  postmortem: Postmortem;
  onChanged: (result: { data: Postmortem; abilities: Abilities }) => void;
  onReload: () => void;
}

/** Returns to an earlier phase (or reopens a closed postmortem); the reason goes on record. */
export function MoveBackForm({ postmortem, onChanged, onReload }: MoveBackFormProps) {
  const earlier = postmortemPhases.slice(0, postmortemPhases.indexOf(postmortem.phase));
  const [to, setTo] = useState<PostmortemPhase>(earlier.at(-1) ?? 'data_gathering');
  const [reason, setReason] = useState('');
  const submit = useSubmit();

  if (earlier.length === 0) {
    return null;
  }
  const verb = postmortem.phase === 'closed' ? 'Reopen' : 'Move back';

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await submit.run(() =>
      postmortemsApi.transition(postmortem.id, postmortem.version, { to, reason }),
    );
    if (result) {
      setReason('');
      onChanged(result);
    }
  };

  return (
    <details className="move-back">
      <summary>{verb}…</summary>
      <form className="form" onSubmit={handleSubmit} aria-label={verb}>
        <div className="row">
          <Field label="To phase">
            <select value={to} onChange={(e) => setTo(e.target.value as PostmortemPhase)}>
              {earlier.map((phase) => (
                <option key={phase} value={phase}>
                  {postmortemLabels.phase[phase]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Reason" required>
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              maxLength={limits.shortTextMax}
            />
          </Field>
        </div>
        <ProblemAlert problem={submit.problem} onReload={onReload} />
        <div className="actions">
          <button type="submit" className="secondary" disabled={submit.pending}>
            {verb}
          </button>
        </div>
      </form>
    </details>
  );
}
