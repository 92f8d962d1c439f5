import type { Participation } from '../../api/facilitation-api.ts';
import { postmortemLabels } from '../postmortems/labels.ts';

/** Who takes part, by role, with the expected roles nobody covers shown as gaps. */
export function ParticipationPanel({ participation }: { participation: Participation }) {
  const gaps = new Set(participation.gaps);
  const shown = participation.byRole.filter((g) => g.members.length > 0 || gaps.has(g.role));
  return (
    <section className="card" aria-labelledby="participation-heading">
      <h3 id="participation-heading">Participation by role</h3>
      {participation.gaps.length > 0 ? (
        <p className="tag-warn participation-gaps">
          Nobody from{' '}
          {participation.gaps.map((role) => postmortemLabels.participantRole[role]).join(', ')}.
          Invite someone, or note in the report whose view is missing.
        </p>
      ) : (
        <p className="ok">Engineering, product, support, management and a facilitator take part.</p>
      )}
      <dl className="details">
        {shown.map((group) => (
          <div key={group.role}>
            <dt>{postmortemLabels.participantRole[group.role]}</dt>
            <dd>
              {group.members.length === 0 ? (
                <span className="tag tag-warn">Nobody</span>
              ) : (
                group.members.map((m) => (
                  <span key={m.id} className="participant-name">
                    {m.name}
                    {m.attended && <span className="tag tag-ok">attended</span>}{' '}
                  </span>
                ))
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
