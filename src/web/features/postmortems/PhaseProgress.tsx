import { type PostmortemPhase, postmortemPhases } from '../../../domain/postmortem-phases.ts';
import { postmortemLabels } from './labels.ts';

/** The five phases as steps, the current one marked. */
export function PhaseProgress({ phase }: { phase: PostmortemPhase }) {
  const currentIndex = postmortemPhases.indexOf(phase);
  return (
    <ol className="phase-progress" aria-label="Postmortem phases">
      {postmortemPhases.map((step, index) => {
        const state =
          index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'upcoming';
        return (
          <li
            key={step}
            className={`step step-${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="step-number" aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span className="step-label">{postmortemLabels.phase[step]}</span>
            <span className="visually-hidden">
              {state === 'done' ? ' (done)' : state === 'current' ? ' (current phase)' : ''}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
