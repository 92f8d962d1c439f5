import type { BoardItemView } from '../../api/action-item-board-api.ts';
import { formatDate } from '../../lib/datetime.ts';
import { Link } from '../../routing/Link.tsx';
import { postmortemLabels } from '../postmortems/labels.ts';

/** The board's rows: each item with its postmortem, owner, team, due date and status. */
export function BoardTable({ items }: { items: BoardItemView[] }) {
  return (
    <table className="data-table" aria-label="Action items">
      <thead>
        <tr>
          <th scope="col">Due</th>
          <th scope="col">Action item</th>
          <th scope="col">Priority</th>
          <th scope="col">Owner</th>
          <th scope="col">Team</th>
          <th scope="col">Status</th>
          <th scope="col">Postmortem</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} className={item.overdue ? 'overdue' : undefined}>
            <td>
              {formatDate(item.dueDate)}
              {item.overdue && <span className="tag tag-warn">Overdue</span>}
            </td>
            <td>
              {item.trackerUrl ? (
                <a href={item.trackerUrl} rel="noreferrer noopener" target="_blank">
                  {item.title}
                </a>
              ) : (
                item.title
              )}
            </td>
            <td>{postmortemLabels.actionItemPriority[item.priority]}</td>
            <td>{item.ownerName ?? <span className="muted">Unassigned</span>}</td>
            <td>{item.team ?? '—'}</td>
            <td>{postmortemLabels.actionItemStatus[item.status]}</td>
            <td>
              <Link to={`/postmortems/${item.postmortemId}?tab=actions`}>
                PM-{item.postmortemNumber} {item.postmortemTitle}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
