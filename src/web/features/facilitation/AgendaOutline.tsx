import type { AgendaSection } from '../../api/facilitation-api.ts';
import { sectionLabel } from './labels.ts';

interface AgendaOutlineProps {
  sections: AgendaSection[];
  current: number;
  onSelect: (index: number) => void;
}

/** The agenda as a list of timeboxed sections; the one being run is marked as current. */
export function AgendaOutline({ sections, current, onSelect }: AgendaOutlineProps) {
  return (
    <nav aria-label="Agenda">
      <ol className="agenda-outline">
        {sections.map((section, index) => (
          <li key={section.key}>
            <button
              type="button"
              aria-current={index === current ? 'step' : undefined}
              onClick={() => onSelect(index)}
            >
              <span className={index < current ? 'done' : undefined}>
                {sectionLabel(section)}
                {section.items.length > 0 && (
                  <span className="muted"> ({section.items.length})</span>
                )}
              </span>
              <span className="muted">{section.minutes} min</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
