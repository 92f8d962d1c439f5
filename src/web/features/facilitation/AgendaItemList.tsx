import type { AgendaItem } from '../../api/facilitation-api.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import { facilitationLabels } from './labels.ts';

interface AgendaItemListProps {
  items: AgendaItem[];
  current: number;
  onSelect: (index: number) => void;
}

function tagLabel(item: AgendaItem): string {
  const labels: Record<string, string> = {
    ...postmortemLabels.timelineKind,
    ...facilitationLabels.openQuestionKind,
    ...facilitationLabels.whyNodeMark,
    resolved: 'Resolved',
  };
  return labels[item.tag] ?? item.tag.replace(/_/g, ' ');
}

/**
 * The items of the current section; the selected one (the marker being discussed) shows its
 * question prompts.
 */
export function AgendaItemList({ items, current, onSelect }: AgendaItemListProps) {
  return (
    <ol className="agenda-items">
      {items.map((item, index) => {
        const selected = index === current;
        return (
          <li
            key={item.subjectId}
            className={selected ? 'agenda-item current' : 'agenda-item'}
            style={{ marginLeft: `${item.depth * 1.25}rem` }}
            aria-current={selected ? 'step' : undefined}
          >
            <button
              type="button"
              className="link"
              aria-expanded={selected}
              onClick={() => onSelect(index)}
            >
              {item.occurredAt && (
                <span className="muted">{formatInstant(item.occurredAt)} · </span>
              )}
              {item.text}
            </button>
            {tagLabel(item) && <span className="tag">{tagLabel(item)}</span>}
            {item.pinned && <span className="tag tag-warn">Pinned</span>}
            {selected && item.prompts.length > 0 && (
              <ul className="prompts" aria-label="Questions to ask">
                {item.prompts.map((prompt) => (
                  <li key={prompt}>{prompt}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
