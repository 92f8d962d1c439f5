/** Names the part of a postmortem a snippet comes from, with the policy's section labels. */
export function partLabel(part: string, sectionLabels: Record<string, string>): string {
  const [kind, key = ''] = part.split(/:(.*)/s);
  switch (kind) {
    case 'title':
      return 'Title';
    case 'section':
      return sectionLabels[key] ?? key.replaceAll('_', ' ');
    case 'restricted':
      return `${sectionLabels[key] ?? key.replaceAll('_', ' ')} (restricted)`;
    case 'incidents':
      return 'Incident';
    case 'timeline':
      return 'Timeline';
    case 'why_tree':
      return 'Why-tree';
    case 'factors':
      return 'Contributing factors';
    case 'action_items':
      return 'Action items';
    default:
      return part;
  }
}
