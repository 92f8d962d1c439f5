import type { ConfiguredTracker } from '../../api/action-items-api.ts';
import type { ActionItem } from '../../api/parts-api.ts';
import type { Abilities } from '../../lib/abilities.ts';
import { can } from '../../lib/abilities.ts';
import { formatDate } from '../../lib/datetime.ts';
import { postmortemLabels } from './labels.ts';

interface ActionItemRowProps {
  item: ActionItem;
  abilities: Abilities;
  onEdit: () => void;
  onVerify: () => void;
  onPromote: () => void;
  onRemove: () => void;
  /** Trackers an issue can be opened in; none shows no button. */
  trackers?: ConfiguredTracker[];
  onOpenIssue?: (tracker: ConfiguredTracker['tracker']) => void;
}

const isLink = (text: string) => /^https?:\/\//.test(text);

/** One action item as a table row: what, who, when, status with its evidence, and the steps. */
export function ActionItemRow({
  item,
  abilities,
  onEdit,
  onVerify,
  onPromote,
  onRemove,
  trackers = [],
  onOpenIssue,
}: ActionItemRowProps) {
  const evidence = item.verificationEvidence;
  const mayOpenIssue =
    can(abilities, 'update') &&
    !item.isIdea &&
    !item.trackerUrl &&
    (item.status === 'open' || item.status === 'in_progress');
  return (
    <tr data-item-id={item.id}>
      <td>
        {item.trackerUrl ? (
          <a href={item.trackerUrl} rel="noreferrer noopener" target="_blank">
            {item.title}
          </a>
        ) : (
          item.title
        )}
        {item.isIdea && <span className="tag">Idea</span>}
      </td>
      <td>
        {postmortemLabels.actionItemKind[item.kind]}
        <span className="muted"> · {postmortemLabels.actionItemPriority[item.priority]}</span>
      </td>
      <td>
        {item.ownerName ?? <span className="muted">Unassigned</span>}
        {item.team && <span className="muted"> ({item.team})</span>}
      </td>
      <td>{formatDate(item.dueDate)}</td>
      <td>
        {postmortemLabels.actionItemStatus[item.status]}
        {item.status === 'wont_do' && item.wontDoReason && (
          <span className="muted"> ({item.wontDoReason})</span>
        )}
        {item.status === 'verified' && evidence && (
          <span className="muted">
            {' '}
            —{' '}
            {isLink(evidence) ? (
              <a href={evidence} rel="noreferrer noopener" target="_blank">
                evidence
              </a>
            ) : (
              evidence
            )}
            {item.verificationNote && `: ${item.verificationNote}`}
          </span>
        )}
      </td>
      <td className="prewrap">{item.successCriterion ?? '—'}</td>
      <td className="row-actions">
        {can(abilities, 'update') && item.status === 'done' && !item.isIdea && (
          <button type="button" className="link" onClick={onVerify}>
            Verify<span className="visually-hidden"> {item.title}</span>
          </button>
        )}
        {mayOpenIssue &&
          trackers.map(({ tracker, label }) => (
            <button
              key={tracker}
              type="button"
              className="link"
              onClick={() => onOpenIssue?.(tracker)}
            >
              Open a {label} issue<span className="visually-hidden"> for {item.title}</span>
            </button>
          ))}
        {can(abilities, 'update') && item.isIdea && (
          <button type="button" className="link" onClick={onPromote}>
            Promote<span className="visually-hidden"> {item.title}</span>
          </button>
        )}
        {can(abilities, 'update') && (
          <button type="button" className="link" onClick={onEdit}>
            Edit<span className="visually-hidden"> {item.title}</span>
          </button>
        )}
        {can(abilities, 'remove') && (
          <button type="button" className="link danger" onClick={onRemove}>
            Delete<span className="visually-hidden"> {item.title}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
