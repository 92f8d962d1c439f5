import type { Postmortem } from '../../api/postmortems-api.ts';
import { formatDateInWords, todayIsoDate } from '../../lib/datetime.ts';
import { labelOf } from '../incidents/labels.ts';
import { deadlineState, relativeDays } from './deadline-words.ts';
import { postmortemLabels } from './labels.ts';

const stateTags = {
  done: { text: 'Done', className: 'tag tag-ok' },
  overdue: { text: 'Overdue', className: 'tag tag-danger' },
  'due-soon': { text: 'Due soon', className: 'tag tag-warn' },
  upcoming: null,
} as const;

/**
 * When each phase is due, counted in business days from resolution: the date in words, how
 * far it is, overdue in red and due soon in amber; a phase already reached is done.
 */
export function DeadlinesList({ deadlines }: { deadlines: Postmortem['deadlines'] }) {
  if (deadlines.length === 0) {
    return <p className="muted">No deadlines yet: they start when the incident is resolved.</p>;
  }
  const today = todayIsoDate();
  return (
    <ul className="deadlines">
      {deadlines.map((deadline) => {
        const state = deadlineState(deadline, today);
        const tag = stateTags[state];
        return (
          <li key={deadline.phase} className={state}>
            <strong>{labelOf(postmortemLabels.phase, deadline.phase)}</strong> due{' '}
            <time dateTime={deadline.dueOn}>{formatDateInWords(deadline.dueOn)}</time>
            {state !== 'done' && <> ({relativeDays(deadline.dueOn, today)})</>}
            {tag && <span className={tag.className}>{tag.text}</span>}
          </li>
        );
      })}
    </ul>
  );
}
