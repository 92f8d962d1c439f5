import type { AgendaSection } from '../../api/facilitation-api.ts';

const sectionNames: Record<AgendaSection['kind'], string> = {
  timeline: 'Timeline walk-through',
  pinned_moments: 'Pinned moments',
  open_questions: 'Open questions and disagreements',
  why_tree: 'Why-tree',
  action_items: 'Action items',
};

/** The display name of an agenda section, with its segment for a long timeline. */
export function sectionLabel(section: Pick<AgendaSection, 'kind' | 'part'>): string {
  const name = sectionNames[section.kind];
  return section.part.of > 1 ? `${name} (${section.part.index} of ${section.part.of})` : name;
}

/** Display labels of the facilitation vocabularies. */
export const facilitationLabels = {
  openQuestionKind: { question: 'Question', disagreement: 'Disagreement' },
  whyNodeMark: { root_cause: 'Root cause', contributing_factor: 'Contributing factor', none: '' },
} as const;
