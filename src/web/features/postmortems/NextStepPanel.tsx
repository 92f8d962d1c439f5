import { useState } from 'react';
import { type Postmortem, postmortemsApi } from '../../api/postmortems-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { UnmetList } from '../../components/UnmetList.tsx';
import type { Abilities } from '../../lib/abilities.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { postmortemLabels } from './labels.ts';

interface NextStepPanelProps {
  postmortem: Postmortem;
  canChangePhase: boolean;
  onChanged: (result: { data: Postmortem; abilities: Abilities }) => void;
  onReload: () => void;
}

/** What stands between the postmortem and its next phase, and the button to go there. */
export function NextStepPanel({
  postmortem,
  canChangePhase,
  onChanged,
  onReload,
}: NextStepPanelProps) {
  const advance = useSubmit();
  const next = postmortem.nextPhase;
  const unmet = postmortem.unmetForNextPhase;
  // A refusal is only shown while the conditions it listed are still the current ones.
  const conditionsKey = `${postmortem.version}:${postmortem.phase}:${unmet.map((u) => `${u.code}/${u.subject?.id ?? ''}`).join(',')}`;
  const [refusedFor, setRefusedFor] = useState('');

  const handleAdvance = async () => {
    if (!next) {
      return;
    }
    const result = await advance.run(() =>
      postmortemsApi.transition(postmortem.id, postmortem.version, { to: next }),
    );
    if (result) {
      onChanged(result);
    } else {
      setRefusedFor(conditionsKey);
    }
  };

  if (!next) {
    return (
      <section className="next-step card" aria-labelledby="next-step-heading">
        <h2 id="next-step-heading">Closed</h2>
        <p>Every action item is verified or settled. This postmortem is complete.</p>
      </section>
    );
  }
  return (
    <section className="next-step card" aria-labelledby="next-step-heading">
      <h2 id="next-step-heading">Next step: {postmortemLabels.phase[next]}</h2>
      {unmet.length === 0 ? (
        <p className="ok">All conditions are met.</p>
      ) : (
        <>
          <p>Before moving on:</p>
          <UnmetList items={unmet} label={`Conditions for ${postmortemLabels.phase[next]}`} />
        </>
      )}
      {canChangePhase && (
        <div className="actions">
          <button type="button" onClick={handleAdvance} disabled={advance.pending}>
            {advance.pending ? 'Advancing…' : `Advance to ${postmortemLabels.phase[next]}`}
          </button>
        </div>
      )}
      <ProblemAlert
        problem={refusedFor === conditionsKey ? advance.problem : null}
        onReload={onReload}
      />
    </section>
  );
}
