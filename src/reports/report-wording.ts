import type { Report, ReportIncident } from './build-report.ts';

/** `outage, sev2, potential sev1, drill, resolved`: an incident's facts in one phrase. */
export function incidentFacts(incident: ReportIncident): string {
  return [
    incident.kind.replace('_', ' '),
    incident.severity,
    ...(incident.potentialSeverity ? [`potential ${incident.potentialSeverity}`] : []),
    ...(incident.isDrill ? ['drill'] : []),
    incident.status,
  ].join(', ');
}

/** `root cause, Change management` for a marked why-node; empty for an unmarked one. */
export function whyMark(node: Report['whyTree'][number]): string {
  return node.mark === 'none'
    ? ''
    : `${node.mark.replace('_', ' ')}${node.categoryLabel ? `, ${node.categoryLabel}` : ''}`;
}

/** The factors in the report's two groups, root causes first; empty groups left out. */
export function factorGroups(report: Report): Array<{ label: string; factors: Report['factors'] }> {
  return [
    { label: 'Root causes', factors: report.factors.filter((f) => f.isRootCause) },
    { label: 'Contributing factors', factors: report.factors.filter((f) => !f.isRootCause) },
  ].filter((group) => group.factors.length > 0);
}
