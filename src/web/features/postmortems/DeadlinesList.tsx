import type { Postmortem } from '../../api/postmortems-api.ts';
import { formatDate } from '../../lib/datetime.ts';
import { labelOf } from '../incidents/labels.ts';
import { postmortemLabels } from './labels.ts';

/** When each phase is due, counted in business days from resolution. */
export function DeadlinesList({ deadlines }: { deadlines: Postmortem['deadlines'] }) {
  if (deadlines.length === 0) {
    return <p className="muted">No deadlines yet: they start when the incident is resolved.</p>;
  }
  return (
    <ul className="deadlines">
      {deadlines.map((deadline) => (
        <li key={deadline.phase} className={deadline.overdue ? 'overdue' : undefined}>
          <strong>{labelOf(postmortemLabels.phase, deadline.phase)}</strong> due{' '}
          <time dateTime={deadline.dueOn}>{formatDate(deadline.dueOn)}</time>
          {deadline.reached && <span className="tag tag-ok">reached</span>}
          {deadline.overdue && <span className="tag tag-warn">overdue</span>}
        </li>
      ))}
    </ul>
  );
}
