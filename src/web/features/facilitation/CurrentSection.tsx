import { useState } from 'react';
import type { AgendaSection } from '../../api/facilitation-api.ts';
import { AgendaItemList } from './AgendaItemList.tsx';
import { sectionLabel } from './labels.ts';
import { SectionTimer } from './SectionTimer.tsx';

interface CurrentSectionProps {
  section: AgendaSection;
  onNext?: () => void;
}

const emptyText: Record<AgendaSection['kind'], string> = {
  timeline: 'No accepted timeline events yet: walk through what people remember.',
  pinned_moments: 'Nothing is pinned. Pin the moments that mattered in the timeline.',
  open_questions: 'No open questions yet. Capture them below as they come up.',
  why_tree: 'The why-tree is empty: start it together.',
  action_items: 'No action items yet.',
};

/** The section being run: its timer, its prompts, and the item (marker) under discussion. */
export function CurrentSection({ section, onNext }: CurrentSectionProps) {
  const [item, setItem] = useState(0);
  const label = sectionLabel(section);
  const count = section.items.length;
  return (
    <section aria-labelledby="current-section-heading">
      <h3 id="current-section-heading">{label}</h3>
      <SectionTimer label={label} minutes={section.minutes} onNext={onNext} />
      {section.prompts.length > 0 && (
        <ul className="prompts" aria-label="Questions for this section">
          {section.prompts.map((prompt) => (
            <li key={prompt}>{prompt}</li>
          ))}
        </ul>
      )}
      {count === 0 ? (
        <p className="empty">{emptyText[section.kind]}</p>
      ) : (
        <>
          <div className="actions">
            <button
              type="button"
              className="secondary"
              disabled={item === 0}
              onClick={() => setItem(item - 1)}
            >
              Previous item
            </button>
            <button
              type="button"
              className="secondary"
              disabled={item >= count - 1}
              onClick={() => setItem(item + 1)}
            >
              Next item
            </button>
            <span className="muted" aria-live="polite">
              Item {item + 1} of {count}
            </span>
          </div>
          <AgendaItemList items={section.items} current={item} onSelect={setItem} />
        </>
      )}
    </section>
  );
}
