import type { WhyNode } from '../../api/why-tree-api.ts';

/** How each mark reads in the outline and the forms. */
export const markLabels: Record<WhyNode['mark'], string> = {
  none: 'No mark (an intermediate why)',
  contributing_factor: 'Contributing factor',
  root_cause: 'Root cause',
};
